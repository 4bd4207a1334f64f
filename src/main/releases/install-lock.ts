import { open, readFile, stat, unlink } from 'node:fs/promises'
import { hostname } from 'node:os'
import { setTimeout as sleep } from 'node:timers/promises'
import { isAlive } from '../process/process-liveness'

/** Why 250 ms: another process's install takes seconds; checking 4 times a second costs nothing. */
const LOCK_POLL_MS = 250
/** Why 10 s: a lock file is written right after it is created; one still empty after this is debris. */
const UNREADABLE_LOCK_GRACE_MS = 10_000

/** Who holds a version lock. */
export interface LockOwner {
  pid: number
  host: string
  since: string
}

/**
 * A per-version lock file, so two etcd Desk processes never download or install the same version
 * into the same folder at once. A lock whose process is gone (same host, dead pid) is taken over.
 */
export class InstallLock {
  private constructor(private readonly file: string) {}

  /**
   * Takes the lock, waiting while a live process holds it; `onWait` is called once when waiting
   * starts. Rejects with the signal's reason when cancelled.
   */
  static async acquire(
    file: string,
    options: { signal?: AbortSignal; onWait?: (owner: LockOwner) => void } = {},
  ): Promise<InstallLock> {
    let hasWaited = false
    for (;;) {
      options.signal?.throwIfAborted()
      if (await tryCreate(file)) return new InstallLock(file)
      const owner = await readOwner(file)
      if (owner === null ? await isGoneOrDebris(file) : isStale(owner)) {
        // Takeover: the holder died (or never wrote its name); remove its file and try again.
        await unlink(file).catch(() => undefined)
        continue
      }
      if (owner && !hasWaited) options.onWait?.(owner)
      hasWaited = true
      await sleep(LOCK_POLL_MS, undefined, { signal: options.signal })
    }
  }

  /** Releases the lock if it is still ours. */
  async release(): Promise<void> {
    const owner = await readOwner(this.file)
    if (owner?.pid === process.pid && owner.host === hostname()) {
      await unlink(this.file).catch(() => undefined)
    }
  }
}

async function tryCreate(file: string): Promise<boolean> {
  let handle
  try {
    handle = await open(file, 'wx')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  }
  const owner: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString() }
  try {
    await handle.writeFile(JSON.stringify(owner))
  } finally {
    await handle.close()
  }
  return true
}

/** A lock from another host (a shared folder) cannot be checked, so only local dead pids are stale. */
function isStale(owner: LockOwner): boolean {
  return owner.host === hostname() && !isAlive(owner.pid)
}

/** True when the lock was just released, or is an unreadable file left long ago. */
async function isGoneOrDebris(file: string): Promise<boolean> {
  const info = await stat(file).catch(() => null)
  return info === null || Date.now() - info.mtimeMs > UNREADABLE_LOCK_GRACE_MS
}

async function readOwner(file: string): Promise<LockOwner | null> {
  try {
    const owner = JSON.parse(await readFile(file, 'utf8')) as Partial<LockOwner>
    return typeof owner.pid === 'number' && typeof owner.host === 'string'
      ? (owner as LockOwner)
      : null
  } catch {
    return null
  }
}
