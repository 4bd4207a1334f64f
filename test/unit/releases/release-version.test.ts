import { describe, expect, it } from 'vitest'
import { normalizeVersion } from '../../../src/main/releases/release-version'
import { compareVersions, isPrerelease, newestFirst } from '../../../src/shared/version-order'

describe('release versions', () => {
  it('accepts 3.4+ with or without a leading v', () => {
    expect(normalizeVersion('v3.5.17')).toBe('3.5.17')
    expect(normalizeVersion('3.6.0-rc.1')).toBe('3.6.0-rc.1')
  })

  it('refuses anything that could escape a path or URL', () => {
    for (const bad of ['../3.5.0', '3.5.0/..', '3.5', '3.5.0 ', '3.5.0-rc/1', 'system', '']) {
      expect(() => normalizeVersion(bad), bad).toThrow(
        expect.objectContaining({ code: 'INVALID_REQUEST' }),
      )
    }
  })

  it('refuses versions etcd Desk cannot run', () => {
    expect(() => normalizeVersion('3.3.10')).toThrow(
      expect.objectContaining({ code: 'ETCD_VERSION_UNSUPPORTED' }),
    )
  })

  it('orders like semver, pre-releases below their release, rc.10 above rc.9', () => {
    const sorted = [
      '3.5.10',
      '3.6.0',
      '3.5.9',
      '3.6.0-rc.10',
      '3.6.0-rc.9',
      '3.6.0-alpha.0',
      '3.4.37',
    ].sort(compareVersions)
    expect(sorted).toEqual([
      '3.4.37',
      '3.5.9',
      '3.5.10',
      '3.6.0-alpha.0',
      '3.6.0-rc.9',
      '3.6.0-rc.10',
      '3.6.0',
    ])
    expect(['3.5.9', '3.6.0-rc.1', '3.6.0', '3.5.10'].sort(newestFirst)).toEqual([
      '3.6.0',
      '3.6.0-rc.1',
      '3.5.10',
      '3.5.9',
    ])
    expect(isPrerelease('3.6.0-rc.0')).toBe(true)
    expect(isPrerelease('3.6.0')).toBe(false)
  })
})
