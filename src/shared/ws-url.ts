/** The parts of a page location the browser-mode client needs (window.location fits). */
export interface PageLocation {
  protocol: string
  host: string
  search: string
  hash: string
}

/** The browser-mode access token: `?token=…` or `#token=…` of the page's URL ('' when absent). */
export function pageToken(location: Pick<PageLocation, 'search' | 'hash'>): string {
  const fromQuery = new URLSearchParams(location.search).get('token')
  return fromQuery ?? new URLSearchParams(location.hash.replace(/^#/, '')).get('token') ?? ''
}

/** The contract WebSocket URL for a page: same host, path /api, the page's token. */
export function apiSocketUrl(location: PageLocation): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws'
  return `${scheme}://${location.host}/api?token=${encodeURIComponent(pageToken(location))}`
}

/** Path of browser mode's engine log page (token-guarded like the API). */
export const ENGINE_LOG_PATH = '/engine-log'

/** A link to the engine log for a browser-mode page: same host, the page's token. */
export function engineLogUrl(location: Pick<PageLocation, 'search' | 'hash'>): string {
  return `${ENGINE_LOG_PATH}?token=${encodeURIComponent(pageToken(location))}`
}

/** Path prefix of browser mode's snapshot downloads (token-guarded like the API). */
export const SNAPSHOTS_PATH = '/snapshots/'

/** A download link to a saved snapshot for a browser-mode page: the page's token. */
export function snapshotDownloadUrl(location: Pick<PageLocation, 'search' | 'hash'>, id: string) {
  return `${SNAPSHOTS_PATH}${encodeURIComponent(id)}?token=${encodeURIComponent(pageToken(location))}`
}
