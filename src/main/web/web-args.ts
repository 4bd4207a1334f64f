import { isIP } from 'node:net'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'

/** Browser mode's default port (clear of etcd's 2379/2380 and the tutorial's x2379/x2380). */
export const DEFAULT_WEB_PORT = 4280

/** The options of `npm run web`. */
export interface WebArgs {
  port: number
  host: string
  dataDir: string | undefined
  etcdPath: string | undefined
  releaseMirror: string | undefined
  /** A ready renderer build to serve instead of out/renderer (tests, packaging). */
  rendererDir: string | undefined
}

/** Usage text for --help and argument errors. */
export const WEB_USAGE = `Usage: npm run web -- [--port <P>] [--data-dir <DIR>] [--host <H>]
                      [--release-mirror <URL>] [--etcd <PATH>] [--renderer-dir <DIR>]
  --port            port to listen on (default ${DEFAULT_WEB_PORT}; 0 = any free port)
  --host            address to bind (default 127.0.0.1; anything else exposes the engine to the network)
  --data-dir        where clusters, logs and releases live (default: the app's data directory)
  --release-mirror  base URL to download etcd releases from instead of GitHub
  --etcd            the etcd binary used as "system"
  --renderer-dir    serve this built UI instead of out/renderer`

/** Parses argv (without node and script); throws an Error with a readable message on bad input. */
export function parseWebArgs(argv: string[]): WebArgs | 'help' {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      'release-mirror': { type: 'string' },
      etcd: { type: 'string' },
      'renderer-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) return 'help'
  return {
    port: parsePort(values.port),
    host: parseHost(values.host),
    dataDir: values['data-dir'] ? resolve(values['data-dir']) : undefined,
    etcdPath: values.etcd ? resolve(values.etcd) : undefined,
    releaseMirror: parseMirror(values['release-mirror']),
    rendererDir: values['renderer-dir'] ? resolve(values['renderer-dir']) : undefined,
  }
}

function parsePort(text: string | undefined): number {
  if (text === undefined) return DEFAULT_WEB_PORT
  const port = Number(text)
  if (!/^\d{1,5}$/.test(text) || port > 65535) {
    throw new Error(`--port must be a number from 0 to 65535, not "${text}"`)
  }
  return port
}

function parseHost(text: string | undefined): string {
  if (text === undefined) return '127.0.0.1'
  if (text === 'localhost' || isIP(text) !== 0) return text
  throw new Error(`--host must be an IP address or localhost, not "${text}"`)
}

function parseMirror(text: string | undefined): string | undefined {
  if (text === undefined) return undefined
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new Error(`--release-mirror must be a URL, not "${text}"`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error('--release-mirror must be an http:// or https:// URL')
  }
  return text
}
