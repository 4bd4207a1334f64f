/**
 * Browser mode: `npm run web -- --port <P> --data-dir <DIR>` runs the engine and serves the UI plus
 * the contract over a WebSocket. Prints one line with the URL (token included) to open; Ctrl-C
 * or SIGTERM stops the clusters like quitting the app.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Engine } from '../engine/engine'
import { SettingsStore } from '../settings/settings-store'
import { parseWebArgs, WEB_USAGE, type WebArgs } from './web-args'
import { startWebServer, type WebServer } from './web-server'

/** Why: like quitting the app, stopping must finish even when a member will not die. */
const SHUTDOWN_DEADLINE_MS = 15_000

/**
 * Why: one Ctrl-C can arrive twice (the terminal signals the whole process group, and npm/tsx
 * relay it again); only a second press after this long means "force exit".
 */
const DUPLICATE_SIGNAL_MS = 1_000

const root = fileURLToPath(new URL('../../../', import.meta.url))

function readArgs(): WebArgs {
  try {
    const args = parseWebArgs(process.argv.slice(2))
    if (args !== 'help') return args
    process.stdout.write(`${WEB_USAGE}\n`)
    process.exit(0)
  } catch (error) {
    process.stderr.write(
      `${error instanceof Error ? error.message : String(error)}\n${WEB_USAGE}\n`,
    )
    process.exit(2)
  }
}

/**
 * The folder of the built UI: --renderer-dir, else out/renderer, which `npm run web` builds
 * (npm run build:renderer) before starting this file. Throws saying how to get one when missing.
 */
function rendererDirOf(args: WebArgs): string {
  const dir = args.rendererDir ?? join(root, 'out', 'renderer')
  if (existsSync(join(dir, 'index.html'))) return dir
  throw new Error(
    args.rendererDir
      ? `--renderer-dir ${dir} holds no built UI (index.html).`
      : `No built UI in ${dir}: start browser mode with \`npm run web\`, which builds it first (or run \`npm run build:renderer\`).`,
  )
}

function appVersion(): string {
  const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { version?: string }
  return pkg.version ?? '0.0.0-dev'
}

async function main(): Promise<void> {
  const args = readArgs()
  const rendererDir = rendererDirOf(args)
  const settings = await SettingsStore.open()
  const engine = await Engine.open({
    settings,
    dataDir: args.dataDir,
    etcdPath: args.etcdPath,
    releaseMirror: args.releaseMirror,
    appVersion: appVersion(),
    // Browser mode: the terminal is the user's console, so the engine log shows there too.
    logToStderr: true,
  })
  let server: WebServer
  try {
    server = await startWebServer({ engine, rendererDir, host: args.host, port: args.port })
  } catch (error) {
    await engine.close()
    throw error
  }
  process.stdout.write(`etcd Desk browser mode: ${server.url}\n`)
  if (args.host !== '127.0.0.1' && args.host !== 'localhost') {
    process.stderr.write(
      `Warning: listening on ${args.host}; anyone with the URL controls etcd Desk.\n`,
    )
  }

  let stoppingSince = 0
  const stop = (signal: NodeJS.Signals): void => {
    if (stoppingSince > 0 && Date.now() - stoppingSince < DUPLICATE_SIGNAL_MS) return
    if (stoppingSince > 0) {
      // A second Ctrl-C: leave now; members keep running and the next start adopts them.
      process.stderr.write('etcd Desk: forced exit, clusters may still be running.\n')
      process.exit(130)
    }
    stoppingSince = Date.now()
    process.stderr.write(`etcd Desk: ${signal}, stopping clusters…\n`)
    const deadline = setTimeout(() => {
      process.stderr.write('etcd Desk: clusters did not stop in time; exiting anyway.\n')
      process.exit(1)
    }, SHUTDOWN_DEADLINE_MS)
    void server
      .close()
      .then(() => engine.close({ keepRunning: settings.quitBehavior === 'keep-running' }))
      .then(() => {
        clearTimeout(deadline)
        process.stderr.write('etcd Desk: stopped.\n')
        process.exit(0)
      })
      .catch((error: unknown) => {
        process.stderr.write(`etcd Desk: stopping failed: ${String(error)}\n`)
        process.exit(1)
      })
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
  process.stderr.write(`etcd Desk: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
