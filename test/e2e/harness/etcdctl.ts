import { execFile } from 'node:child_process'
import { promisify } from 'node:util'

const execFileAsync = promisify(execFile)

/** Why 20 s: one etcdctl call on loopback takes milliseconds; a busy CI box may take seconds. */
const ETCDCTL_TIMEOUT_MS = 20_000

/**
 * etcdctl (the one on PATH, API v3) against the endpoint `endpoint()` gives at call time, as a
 * user types it: no user or TLS flag unless given in `args`. Answers its stdout.
 */
export function etcdctlAt(endpoint: () => string) {
  return async (...args: string[]): Promise<string> => {
    const { stdout } = await execFileAsync('etcdctl', [`--endpoints=${endpoint()}`, ...args], {
      env: { ...process.env, ETCDCTL_API: '3' },
      timeout: ETCDCTL_TIMEOUT_MS,
    })
    return stdout
  }
}
