import { createReadStream } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import type { ServerResponse } from 'node:http'
import { extname, resolve, sep } from 'node:path'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
}

/** Headers on every response. Security: the token is in the page URL, so no Referer may leak it. */
export const BASE_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
}

/** The content type for a file name (octet-stream when unknown, which browsers will not run). */
export function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream'
}

/**
 * Resolves a URL path inside the renderer folder, or null when it is malformed or escapes it.
 * Security: `..`, encoded slashes and NUL bytes can never reach a file outside `root`.
 */
export function resolveInside(root: string, pathname: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return null
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null
  const base = resolve(root)
  const full = resolve(base, `.${decoded.startsWith('/') ? '' : '/'}${decoded}`)
  return full.startsWith(base + sep) ? full : null
}

/** Serves one file of the built renderer; 404 for anything that is not a file inside it. */
export async function serveFile(
  res: ServerResponse,
  root: string,
  pathname: string,
  isHead: boolean,
): Promise<void> {
  const path = resolveInside(root, pathname)
  const info = path ? await stat(path).catch(() => null) : null
  if (!path || !info?.isFile()) {
    res.writeHead(404, { ...BASE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' })
    res.end('Not found\n')
    return
  }
  res.writeHead(200, {
    ...BASE_HEADERS,
    'Content-Type': contentTypeOf(path),
    'Content-Length': String(info.size),
    // Why: Vite puts a content hash in asset names, so a cached asset is never stale.
    'Cache-Control': pathname.startsWith('/assets/')
      ? 'private, max-age=31536000, immutable'
      : 'no-cache',
  })
  if (isHead) {
    res.end()
    return
  }
  createReadStream(path)
    .on('error', () => res.destroy())
    .pipe(res)
}

/**
 * Serves index.html with its CSP allowing exactly this server's WebSocket. Why: the built page
 * says `connect-src 'self'`; not every browser counts ws: as 'self', and the host is known only now.
 */
export async function servePage(
  res: ServerResponse,
  root: string,
  host: string,
  extraHeaders: Record<string, string>,
  isHead: boolean,
): Promise<void> {
  const html = await readFile(resolve(root, 'index.html'), 'utf8').catch(() => null)
  if (html === null) {
    res.writeHead(503, { ...BASE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' })
    res.end('The UI is not built: run `npm run build`, then start browser mode again.\n')
    return
  }
  const body = html.replaceAll("connect-src 'self'", `connect-src 'self' ws://${host}`)
  res.writeHead(200, {
    ...BASE_HEADERS,
    ...extraHeaders,
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    'Cache-Control': 'no-store',
    // Security: meta CSP cannot forbid framing; the header can (clickjacking of delete buttons).
    'Content-Security-Policy': "frame-ancestors 'none'",
    'X-Frame-Options': 'DENY',
  })
  res.end(isHead ? undefined : body)
}
