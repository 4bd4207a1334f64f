import { EngineError } from '../errors/engine-error'

/** Where etcd publishes releases, in the order tried; both hold the same files (ETCD-FACTS 5.1). */
export const BUILT_IN_SOURCES: readonly string[] = [
  'https://github.com/etcd-io/etcd/releases/download',
  'https://storage.googleapis.com/etcd',
]

/** Set to 1 to never contact GitHub or Google (air-gapped machines; every test run sets it). */
export const OFFLINE_ENV = 'ETCD_DESK_OFFLINE'

/** The environment variable naming a company or air-gapped mirror, tried before the built-ins. */
const MIRROR_ENV = 'ETCD_DESK_RELEASE_MIRROR'

/** Checks one base URL and drops trailing slashes; anything but http(s) is refused. */
function checkBaseUrl(url: string, origin: string): string {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new EngineError('INVALID_REQUEST', `${origin} "${url}" is not a URL.`, { url })
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new EngineError('INVALID_REQUEST', `${origin} "${url}" must be an http(s) URL.`, { url })
  }
  return url.replace(/\/+$/, '')
}

/**
 * Base URLs to try, in order: mirrors from the option (settings), the mirror from
 * ETCD_DESK_RELEASE_MIRROR (comma-separated allowed), then the built-in sources (replaceable for
 * tests). Each serves `{base}/v{version}/{asset}` and `{base}/v{version}/SHA256SUMS`.
 */
export function releaseSources(options: {
  mirrors?: readonly string[]
  sources?: readonly string[]
  env: NodeJS.ProcessEnv
}): string[] {
  const fromEnv = (options.env[MIRROR_ENV] ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter(Boolean)
  const all = [
    ...(options.mirrors ?? []).map((url) => checkBaseUrl(url, 'The release mirror')),
    ...fromEnv.map((url) => checkBaseUrl(url, MIRROR_ENV)),
    ...(options.sources ?? BUILT_IN_SOURCES).map((url) => checkBaseUrl(url, 'The release source')),
  ]
  return [...new Set(all)]
}

/** The folder of one release on a source. */
export function releaseFolderUrl(base: string, version: string): string {
  return `${base}/v${version}`
}
