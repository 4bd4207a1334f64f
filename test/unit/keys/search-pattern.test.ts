import type { IKeyValue } from 'etcd3'
import { describe, expect, it } from 'vitest'
import { SearchMatcher } from '../../../src/main/keys/search-matcher'
import { english } from '../../../src/main/words/english'
import {
  compileSearchPattern,
  isPatternProblem,
  type CompiledPattern,
  type SearchPattern,
} from '../../../src/shared/key-search'

function compiled(search: SearchPattern): CompiledPattern {
  const result = compileSearchPattern(search)
  if (isPatternProblem(result)) throw new Error(english(result.reason))
  return result
}

/** Whether `key` (and `value`, when values are searched) matches. */
function matches(search: SearchPattern, key: string | Buffer, value?: string) {
  const matcher = new SearchMatcher(compiled(search), value !== undefined)
  const kv = {
    key: Buffer.from(key),
    value: Buffer.from(value ?? ''),
    mod_revision: '5',
  } as unknown as IKeyValue
  return matcher.match(kv)
}

describe('search patterns', () => {
  it('finds a substring in the raw bytes, binary keys included', () => {
    expect(matches({ pattern: 'app', mode: 'substring' }, '/my/app/x')).not.toBeNull()
    expect(matches({ pattern: 'App', mode: 'substring' }, '/my/app/x')).toBeNull()
    expect(
      matches({ pattern: 'App', mode: 'substring', ignoreCase: true }, '/my/app/x'),
    ).not.toBeNull()
    const binary = Buffer.from([0xff, 0x00, 0x61, 0x62, 0xfe])
    expect(matches({ pattern: 'ab', mode: 'substring' }, binary)).toMatchObject({
      matchedIn: 'key',
    })
    expect(matches({ pattern: 'a.b', mode: 'substring' }, 'axb')).toBeNull()
  })

  it('matches a glob against the whole key', () => {
    const glob = (pattern: string, key: string) => matches({ pattern, mode: 'glob' }, key) !== null
    expect(glob('/app/*/replicas', '/app/web/v1/replicas')).toBe(true)
    expect(glob('/app/*', 'x/app/a')).toBe(false)
    expect(glob('k?y', 'key')).toBe(true)
    expect(glob('k?y', 'keey')).toBe(false)
    expect(glob('k[0-9]', 'k7')).toBe(true)
    expect(glob('k[!0-9]', 'k7')).toBe(false)
    expect(glob('k[^0-9]', 'kx')).toBe(true)
    expect(glob('a\\*b', 'a*b')).toBe(true)
    expect(glob('a\\*b', 'axb')).toBe(false)
    expect(glob('a.b+(c)', 'a.b+(c)')).toBe(true)
    expect(glob('[unclosed', '[unclosed')).toBe(true)
    expect(glob('line*', 'line\nbreak')).toBe(true)
  })

  it('runs a regular expression unanchored, and names one that does not compile', () => {
    expect(matches({ pattern: 'key-0+1$', mode: 'regex' }, '/k/key-0001')).not.toBeNull()
    expect(matches({ pattern: '^key', mode: 'regex' }, '/k/key-0001')).toBeNull()
    const bad = compileSearchPattern({ pattern: 'key-(0', mode: 'regex' })
    expect(isPatternProblem(bad) && english(bad.reason)).toBe(
      '/key-(0/ is not a valid regular expression: Unterminated group',
    )
    expect(compileSearchPattern({ pattern: '', mode: 'substring' })).toHaveProperty('reason')
    expect(compileSearchPattern({ pattern: 'x'.repeat(1025), mode: 'regex' })).toHaveProperty(
      'reason',
    )
  })

  it('searches values only when asked, with the text around the match', () => {
    const search: SearchPattern = { pattern: 'NEEDLE', mode: 'substring' }
    expect(matches(search, '/cfg')).toBeNull()
    const found = matches(search, '/cfg', `${'x'.repeat(100)} NEEDLE here ${'y'.repeat(100)}`)
    expect(found).toMatchObject({ matchedIn: 'value', valueSize: 213, modRevision: '5' })
    expect(found?.preview).toMatch(/^…x+ NEEDLE here y+…$/)
    expect(found?.preview?.length).toBeLessThanOrEqual(82)
    expect(matches(search, '/NEEDLE', 'NEEDLE')).toMatchObject({ matchedIn: 'key-and-value' })
    expect(matches(search, '/bin', '\u0000NEEDLE')).toMatchObject({ preview: null })
  })
})
