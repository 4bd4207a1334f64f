import { open, readFile, unlink } from 'node:fs/promises'
import { hostname } from 'node:os'
import { EngineError } from '../errors/engine-error'
import { isAlive } from '../process/process-liveness'

/** Who holds a data directory. */
interface LockOwner {
  pid: number
  host: string
  since: string
}

/** Holds the one-owner lock on a data directory for this engine's lifetime. */
export class EngineLock {
  private constructor(private readonly file: string) {}

  /**
   * Takes the lock: an exclusive create of the lock file. A lock left by a dead engine (its pid
   * is gone) is taken over, so a SIGKILLed engine never blocks the next one.
   */
  static async acquire(file: string): Promise<EngineLock> {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const handle = await open(file, 'wx')
        const owner: LockOwner = {
          pid: process.pid,
          host: hostname(),
          since: new Date().toISOString(),
        }
        await handle.writeFile(JSON.stringify(owner))
        await handle.close()
        return new EngineLock(file)
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      }
      const owner = await readOwner(file)
      // A lock from another host (shared folder) cannot be checked, so it is respected.
      if (owner && (owner.host !== hostname() || isAlive(owner.pid))) {
        throw new EngineError(
          'DATA_DIR_LOCKED',
          `Another etcd Desk (pid ${owner.pid}, since ${owner.since}) already uses this data directory. Close it first, or choose another data directory.`,
          { file, owner },
        )
      }
      await unlink(file).catch(ignoreMissing)
    }
    throw new EngineError('DATA_DIR_LOCKED', `Could not take the lock ${file}.`, { file })
  }

  /** Releases the lock (only if it is still ours). */
  async release(): Promise<void> {
    const owner = await readOwner(this.file)
    if (owner?.pid === process.pid) await unlink(this.file).catch(ignoreMissing)
  }
}

/** A file that is already gone is what unlink wanted; any other failure is a real one. */
function ignoreMissing(error: NodeJS.ErrnoException): void {
  if (error.code !== 'ENOENT') throw error
}

async function readOwner(file: string): Promise<LockOwner | null> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as LockOwner
  } catch {
    return null
  }
}
