import { describe, expect, it } from 'vitest'
import {
  languageOf,
  preferredLanguages,
  resolveLanguage,
} from '../../src/renderer/src/i18n/language'

describe('the window language', () => {
  it('takes the first preferred language the window speaks, region and script ignored', () => {
    expect(languageOf(['ja-JP', 'en-US'])).toBe('ja')
    expect(languageOf(['fr-FR', 'ja', 'en'])).toBe('ja')
    expect(languageOf(['en-GB', 'ja-JP'])).toBe('en')
    expect(languageOf(['JA_jp'])).toBe('ja')
  })

  it('falls back to English when it speaks none of them', () => {
    expect(languageOf(['fr-FR', 'de'])).toBe('en')
    expect(languageOf([])).toBe('en')
  })

  it('lets the "Language" setting override the OS; Automatic and old settings follow the OS', () => {
    expect(resolveLanguage('en', ['ja-JP'])).toBe('en')
    expect(resolveLanguage('ja', ['en-US'])).toBe('ja')
    expect(resolveLanguage('auto', ['ja-JP'])).toBe('ja')
    expect(resolveLanguage(undefined, ['ja-JP'])).toBe('ja')
  })

  it('reads no languages where there is no browser (the engine, tests in Node)', () => {
    expect(preferredLanguages()).toEqual(typeof navigator === 'undefined' ? [] : expect.any(Array))
  })
})
