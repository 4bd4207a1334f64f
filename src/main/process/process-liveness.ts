import { readFile } from 'node:fs/promises'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'

const execFileAsync = promisify(execFile)
/** Why: `ps` answers at once; a hung `ps` must not block engine start-up. */
const PS_TIMEOUT_MS = 3_000
/**
 * Why: a process we did not spawn gives no exit event, so its pid is polled. 100 ms keeps a stop
 * of adopted members quick (each stop wave waits for the exit); a kill(pid, 0) costs microseconds.
 */
const ADOPTED_EXIT_POLL_MS = 100

/** True when a process with this pid exists (signal 0 only checks). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** The command line of a running process, arguments joined by spaces; null where the OS does not tell. */
export async function commandLineOf(pid: number): Promise<string | null> {
  // Platform branch: Linux has /proc; macOS has ps; on Windows we cannot read it without WMI.
  if (process.platform === 'linux') {
    // Gone (or not ours to read) means "not this member": adoption then leaves it alone.
    const raw = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => null)
    return raw === null ? null : raw.split('\0').filter(Boolean).join(' ')
  }
  if (process.platform === 'darwin') {
    const out = await execFileAsync('ps', ['-o', 'command=', '-p', String(pid)], {
      timeout: PS_TIMEOUT_MS,
    }).catch(() => null)
    return out ? out.stdout.trim() : null
  }
  return null
}

/** Resolves once a process we did not spawn has gone, polling its pid. */
export function waitForExit(pid: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      if (!isAlive(pid) || signal?.aborted) {
        clearInterval(timer)
        resolve()
      }
    }, ADOPTED_EXIT_POLL_MS)
  })
}
