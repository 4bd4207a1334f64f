import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { ensureRendererBuilt } from '../../helpers/renderer-build'

const root = fileURLToPath(new URL('../../../', import.meta.url))
const built = `${root}out/renderer/index.html`

/** The Content-Security-Policy directives of the built page. */
function cspOf(html: string): Map<string, string[]> {
  const content = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? ''
  return new Map(
    content
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!, values]),
  )
}

describe('the built index.html', () => {
  // `npm test` on a fresh clone has no build yet (CI builds before testing); a stale one is rebuilt.
  beforeAll(() => ensureRendererBuilt(), 180_000)

  it('carries a strict CSP: only our own scripts, no eval, no plugins, no forms', () => {
    const csp = cspOf(readFileSync(built, 'utf8'))
    expect(csp.get('default-src')).toEqual(["'self'"])
    expect(csp.get('script-src')).toEqual(["'self'"])
    expect(csp.get('object-src')).toEqual(["'none'"])
    expect(csp.get('base-uri')).toEqual(["'none'"])
    // frame-ancestors is ignored in a <meta> CSP; browser mode sends it as a header instead.
    expect(csp.get('form-action')).toEqual(["'none'"])
    expect(csp.get('connect-src')).toEqual(["'self'"])
    for (const values of csp.values()) {
      expect(values).not.toContain("'unsafe-eval'")
      expect(values).not.toContain('*')
    }
  })

  it('loads no remote scripts', () => {
    const html = readFileSync(built, 'utf8')
    for (const [, src] of html.matchAll(/<script[^>]*src="([^"]+)"/g))
      expect(src).not.toMatch(/^(https?:)?\/\//)
  })
})
