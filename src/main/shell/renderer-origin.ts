import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

/** Where the app window's page comes from: the built file, or the dev server in `electron-vite dev`. */
export type RendererLocation = { kind: 'file'; path: string } | { kind: 'dev'; url: string }

/** The renderer location for this run (ELECTRON_RENDERER_URL is set only by `electron-vite dev`). */
export function rendererLocation(mainDir: string, env = process.env): RendererLocation {
  const devUrl = env.ELECTRON_RENDERER_URL
  return devUrl
    ? { kind: 'dev', url: devUrl }
    : { kind: 'file', path: join(mainDir, '../renderer/index.html') }
}

/**
 * True when a frame URL is our own page. Security: IPC is only answered for this page; a file://
 * page elsewhere on disk or any other origin gets nothing, even inside our window.
 */
export function isOwnRendererUrl(location: RendererLocation, frameUrl: string): boolean {
  let url: URL
  try {
    url = new URL(frameUrl)
  } catch {
    return false
  }
  if (location.kind === 'dev') return url.origin === new URL(location.url).origin
  url.hash = ''
  url.search = ''
  return url.href === pathToFileURL(location.path).href
}
