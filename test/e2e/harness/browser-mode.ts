import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { freePort } from '../../helpers/free-port'
import { ensureRendererBuilt } from '../../helpers/renderer-build'
import { makeTestDir } from '../../helpers/test-dirs'

const root = fileURLToPath(new URL('../../../', import.meta.url))

/** Browser mode's entry point (what `npm run web` runs after building the UI) on a fresh data dir. */
export interface BrowserModeServer {
  url: string
  dataDir: string
  stderr: () => string
  stop: () => Promise<number | null>
}

/** Why 60 s: the engine opens and prints its URL in a second or two; a busy CI box needs more. */
const START_DEADLINE_MS = 60_000

/**
 * Builds the UI when out/renderer is stale (as `npm run web` does), starts browser mode as a
 * child process (with `env` added) and waits for its one URL line.
 */
export async function startBrowserMode(
  label: string,
  env: Record<string, string> = {},
  /** An existing data directory (another run's), instead of a fresh one. */
  existingDataDir?: string,
): Promise<BrowserModeServer> {
  await ensureRendererBuilt()
  const dataDir = existingDataDir ?? makeTestDir(label)
  const port = await freePort()
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      `${root}src/main/web/web-main.ts`,
      '--port',
      String(port),
      '--data-dir',
      dataDir,
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } },
  )
  let err = ''
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()))
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`browser mode did not start:\n${err}`)),
      START_DEADLINE_MS,
    )
    let out = ''
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString()
      const match = /etcd Desk browser mode: (\S+)/.exec(out)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    })
    child.once('exit', (code) => reject(new Error(`browser mode exited with ${code}:\n${err}`)))
  })
  const stop = async (): Promise<number | null> => {
    if (child.exitCode !== null) return child.exitCode
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)))
    child.kill('SIGINT')
    return exited
  }
  return { url, dataDir, stderr: () => err, stop }
}
