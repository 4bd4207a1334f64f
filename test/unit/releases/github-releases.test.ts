import { describe, expect, it } from 'vitest'
import { parseGithubReleases } from '../../../src/main/releases/github-releases'
import { BUNDLED_RELEASES } from '../../../src/main/releases/bundled-releases'

const item = (tag: string, extra: Partial<{ prerelease: boolean; draft: boolean }> = {}) => ({
  tag_name: tag,
  prerelease: false,
  draft: false,
  published_at: '2025-01-01T00:00:00Z',
  ...extra,
})

describe('GitHub release list', () => {
  it('keeps published 3.4+ releases, newest first, flags pre-releases', () => {
    const releases = parseGithubReleases([
      item('v3.4.23'),
      item('v3.3.27'),
      item('v3.6.0-rc.1', { prerelease: true }),
      item('v3.5.17'),
      item('v3.7.0', { draft: true }),
      item('api/v3.6.0'),
      item('v3.6.0'),
    ])
    expect(releases.map((r) => [r.version, r.isPrerelease])).toEqual([
      ['3.6.0', false],
      ['3.6.0-rc.1', true],
      ['3.5.17', false],
      ['3.4.23', false],
    ])
  })

  it('ships a fallback list of 3.4 to 3.7 with stable releases unflagged', () => {
    const versions = BUNDLED_RELEASES.map((r) => r.version)
    expect(versions).toContain('3.4.23')
    expect(versions).toContain('3.5.17')
    expect(versions).toContain('3.6.0')
    expect(versions).toContain('3.7.0-rc.0')
    expect(new Set(versions).size).toBe(versions.length)
    expect(
      BUNDLED_RELEASES.filter((r) => r.isPrerelease).every((r) => r.version.includes('-')),
    ).toBe(true)
  })

  it('ships every patch from .0 up to the newest known of each line (3.4 ends at 3.4.45)', () => {
    const stable = BUNDLED_RELEASES.filter((r) => !r.isPrerelease).map((r) => r.version)
    const newest = { '3.4': 45, '3.5': 33, '3.6': 16, '3.7': 3 }
    for (const [line, last] of Object.entries(newest)) {
      const patches = stable
        .filter((v) => v.startsWith(`${line}.`))
        .map((v) => Number(v.split('.')[2]))
        .sort((a, b) => a - b)
      expect(patches, line).toEqual(Array.from({ length: last + 1 }, (_, i) => i))
    }
    expect(
      stable.every((v) => ['3.4', '3.5', '3.6', '3.7'].some((l) => v.startsWith(`${l}.`))),
    ).toBe(true)
  })
})
