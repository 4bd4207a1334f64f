import { mkdirSync, utimesSync, writeFileSync } from 'node:fs'
import type { IncomingMessage } from 'node:http'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { apiSocketUrl, pageToken } from '../../../src/shared/ws-url'
import { isRendererStale } from '../../helpers/renderer-build'
import { makeTestDir } from '../../helpers/test-dirs'
import { contentTypeOf, resolveInside } from '../../../src/main/web/static-files'
import { DEFAULT_WEB_PORT, parseWebArgs } from '../../../src/main/web/web-args'
import {
  allowedHosts,
  checkAccess,
  createToken,
  isSameToken,
  tokenCookie,
  type AccessPolicy,
} from '../../../src/main/web/web-auth'

const policy: AccessPolicy = {
  token: 'secret-token',
  port: 4280,
  hosts: allowedHosts('127.0.0.1', 4280),
}

function check(path: string, headers: Record<string, string>, cookieAllowed = false) {
  const request = { headers: { host: '127.0.0.1:4280', ...headers } } as unknown as IncomingMessage
  return checkAccess(request, new URL(path, 'http://x'), policy, cookieAllowed)
}

describe('browser-mode access rules', () => {
  it('makes long random tokens and compares them exactly', () => {
    const a = createToken()
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(createToken()).not.toBe(a)
    expect(isSameToken(a, a)).toBe(true)
    expect(isSameToken(a, a.slice(1))).toBe(false)
    expect(isSameToken(a, '')).toBe(false)
    expect(isSameToken(a, null)).toBe(false)
  })

  it('needs the token; the cookie counts only where allowed', () => {
    expect(check('/?token=secret-token', {})).toEqual({ ok: true })
    expect(check('/', {})).toMatchObject({ ok: false, status: 401 })
    expect(check('/?token=wrong', {})).toMatchObject({ ok: false, status: 401 })
    const cookie = { cookie: `a=b; ${tokenCookie(policy).split(';')[0]}` }
    expect(check('/assets/app.js', cookie, true)).toEqual({ ok: true })
    expect(check('/api', cookie, false)).toMatchObject({ ok: false, status: 401 })
  })

  it('refuses foreign origins and foreign Host names (DNS rebinding)', () => {
    const token = '/?token=secret-token'
    expect(check(token, { origin: 'http://127.0.0.1:4280' })).toEqual({ ok: true })
    expect(check(token, { origin: 'http://localhost:4280' })).toEqual({ ok: true })
    for (const origin of ['https://evil.example', 'http://127.0.0.1:4281', 'null', 'file://']) {
      expect(check(token, { origin })).toMatchObject({ ok: false, status: 403 })
    }
    expect(check(token, { host: 'evil.example:4280' })).toMatchObject({ ok: false, status: 403 })
  })

  it('accepts the bound address and, for a wildcard bind, only this machine’s addresses', () => {
    expect(allowedHosts('10.1.2.3', 80)).toEqual(
      new Set([
        '127.0.0.1:80',
        '127.0.0.1',
        'localhost:80',
        'localhost',
        '[::1]:80',
        '[::1]',
        '10.1.2.3:80',
        '10.1.2.3',
      ]),
    )
    const any = allowedHosts('0.0.0.0', 5000)
    expect(any.has('127.0.0.1:5000')).toBe(true)
    expect(any.has('0.0.0.0:5000')).toBe(false)
  })
})

describe('static files', () => {
  it('resolves paths inside the renderer folder only', () => {
    expect(resolveInside('/srv/ui', '/assets/app.js')).toBe('/srv/ui/assets/app.js')
    for (const bad of [
      '/../secret',
      '/assets/../../etc/passwd',
      '/%2e%2e/x',
      '/a%00b',
      '/%E0%A4%A',
      '/..%5c..%5cx',
    ]) {
      expect(resolveInside('/srv/ui', bad)).toBeNull()
    }
  })

  it('knows the content types the build produces', () => {
    expect(contentTypeOf('index.html')).toBe('text/html; charset=utf-8')
    expect(contentTypeOf('a.JS')).toBe('text/javascript; charset=utf-8')
    expect(contentTypeOf('a.css')).toBe('text/css; charset=utf-8')
    expect(contentTypeOf('a.woff2')).toBe('font/woff2')
    expect(contentTypeOf('a.exe')).toBe('application/octet-stream')
  })
})

describe('npm run web arguments', () => {
  it('parses the documented options', () => {
    expect(
      parseWebArgs([
        '--port',
        '0',
        '--host',
        '::1',
        '--data-dir',
        'd',
        '--release-mirror',
        'http://m.local/etcd',
      ]),
    ).toMatchObject({
      port: 0,
      host: '::1',
      releaseMirror: 'http://m.local/etcd',
    })
    expect(parseWebArgs([])).toMatchObject({ port: DEFAULT_WEB_PORT, host: '127.0.0.1' })
    expect(parseWebArgs(['--help'])).toBe('help')
  })

  it('refuses bad ports, hosts, mirrors and unknown options', () => {
    for (const argv of [
      ['--port', '-1'],
      ['--port', '65536'],
      ['--port', 'http'],
      ['--host', 'evil.example'],
      ['--release-mirror', 'file:///etc'],
      ['--release-mirror', 'nope'],
      ['--unknown'],
      ['positional'],
    ]) {
      expect(() => parseWebArgs(argv), argv.join(' ')).toThrow()
    }
  })
})

describe('browser-mode socket URL', () => {
  it('takes the token from the query or the hash and keeps the page host', () => {
    const page = { protocol: 'http:', host: '127.0.0.1:4280', search: '?token=a+b/c', hash: '' }
    expect(pageToken(page)).toBe('a b/c')
    expect(apiSocketUrl(page)).toBe('ws://127.0.0.1:4280/api?token=a%20b%2Fc')
    expect(apiSocketUrl({ ...page, protocol: 'https:', search: '', hash: '#token=t' })).toBe(
      'wss://127.0.0.1:4280/api?token=t',
    )
  })
})

describe('the UI build check of end-to-end tests and UI benchmarks', () => {
  it('rebuilds when out/renderer is missing or older than the renderer or shared sources', () => {
    const root = makeTestDir('stale')
    const write = (path: string, seconds: number) => {
      mkdirSync(join(root, path, '..'), { recursive: true })
      writeFileSync(join(root, path), 'x')
      utimesSync(join(root, path), seconds, seconds)
    }
    write('src/renderer/src/app.tsx', 1_000)
    write('src/shared/contract.ts', 1_000)
    expect(isRendererStale(root)).toBe(true)
    write('out/renderer/index.html', 2_000)
    expect(isRendererStale(root)).toBe(false)
    write('src/shared/contract.ts', 3_000)
    expect(isRendererStale(root)).toBe(true)
    write('out/renderer/index.html', 4_000)
    write('electron.vite.renderer.config.ts', 5_000)
    expect(isRendererStale(root)).toBe(true)
  })
})
