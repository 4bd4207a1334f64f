import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { networkInterfaces } from 'node:os'

/** Who may use a browser-mode server: the token printed at start, from our own host names. */
export interface AccessPolicy {
  token: string
  port: number
  /** Accepted Host header values ("127.0.0.1:4280", "localhost:4280", …). */
  hosts: ReadonlySet<string>
}

/** The outcome of an access check: refused requests get 403 (foreign) or 401 (no token). */
export type AccessCheck = { ok: true } | { ok: false; status: 401 | 403; reason: string }

/** A fresh random token (256 bits, URL-safe). Security: generated per start, never stored. */
export function createToken(): string {
  return randomBytes(32).toString('base64url')
}

/** Compares tokens in constant time (hashes first, since timingSafeEqual needs equal lengths). */
export function isSameToken(expected: string, given: string | null | undefined): boolean {
  if (!given) return false
  const digest = (s: string): Buffer => createHash('sha256').update(s).digest()
  return timingSafeEqual(digest(expected), digest(given))
}

/**
 * Host names the server answers to. Security: checking Host defeats DNS rebinding (a foreign site
 * whose name resolves to 127.0.0.1); a wildcard bind accepts this machine's own addresses only.
 */
export function allowedHosts(bindHost: string, port: number): Set<string> {
  const names = new Set(['127.0.0.1', 'localhost', '[::1]'])
  if (bindHost === '0.0.0.0' || bindHost === '::') {
    for (const list of Object.values(networkInterfaces())) {
      for (const address of list ?? []) names.add(bracketed(address.address))
    }
  } else {
    names.add(bracketed(bindHost))
  }
  const hosts = new Set<string>()
  for (const name of names) {
    hosts.add(`${name}:${port}`)
    // Browsers omit the default port from Host and Origin.
    if (port === 80) hosts.add(name)
  }
  return hosts
}

/** The cookie that lets the page's own assets load after the tokened page was opened. */
function tokenCookieName(port: number): string {
  // Why the port: cookies are per host, not per port; two servers must not overwrite each other.
  return `etcd-desk-token-${port}`
}

/** The Set-Cookie header for the page. */
export function tokenCookie(policy: AccessPolicy): string {
  // Security: HttpOnly (scripts cannot read it), SameSite=Strict (never sent from other sites).
  return `${tokenCookieName(policy.port)}=${policy.token}; HttpOnly; SameSite=Strict; Path=/`
}

/**
 * Checks Host, Origin and the token of a request. `cookieAllowed` is false for the page itself and
 * the WebSocket: those need the token in the URL. Security: a cookie is sent by the browser on its
 * own, so accepting it for the socket would let any page in the browser try to open it.
 */
export function checkAccess(
  request: IncomingMessage,
  url: URL,
  policy: AccessPolicy,
  cookieAllowed: boolean,
): AccessCheck {
  const host = request.headers.host ?? ''
  if (!policy.hosts.has(host.toLowerCase())) {
    return { ok: false, status: 403, reason: `Host ${host.slice(0, 100)} is not this server` }
  }
  // Non-browser clients send no Origin; a browser always does for WebSockets and cross-site calls.
  const origin = request.headers.origin
  if (origin !== undefined && !isOwnOrigin(origin, policy)) {
    return { ok: false, status: 403, reason: `Origin ${origin.slice(0, 100)} is not allowed` }
  }
  const given =
    url.searchParams.get('token') ?? (cookieAllowed ? cookieToken(request, policy) : null)
  if (!isSameToken(policy.token, given)) {
    return { ok: false, status: 401, reason: 'missing or wrong token' }
  }
  return { ok: true }
}

function isOwnOrigin(origin: string, policy: AccessPolicy): boolean {
  try {
    const url = new URL(origin)
    return url.protocol === 'http:' && policy.hosts.has(url.host)
  } catch {
    return false
  }
}

function cookieToken(request: IncomingMessage, policy: AccessPolicy): string | null {
  const name = tokenCookieName(policy.port)
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=')
    if (key === name) return value.join('=')
  }
  return null
}

function bracketed(address: string): string {
  const lower = address.toLowerCase()
  return lower.includes(':') && !lower.startsWith('[') ? `[${lower}]` : lower
}
