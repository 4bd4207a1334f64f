import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { describeEtcd } from '../../../src/main/etcd/etcd-binary'
import { freePorts } from '../../helpers/free-port'
import { startReleaseServer, type ReleaseServer } from '../../helpers/release-server'
import { REAL_ETCD, REAL_VERSION } from './release-archives'
import { newManager } from './release-fixture'

let server: ReleaseServer

/** 150 releases, like GitHub's answer: 3.6.x, 3.5.x, 3.4.x, a few pre-releases and old lines. */
function githubReleases(): ReleaseServer['githubReleases'] {
  const tags = [
    ...Array.from({ length: 5 }, (_, i) => `v3.6.${i}`),
    'v3.6.0-rc.5',
    ...Array.from({ length: 22 }, (_, i) => `v3.5.${i}`),
    ...Array.from({ length: 38 }, (_, i) => `v3.4.${i}`),
    ...Array.from({ length: 85 }, (_, i) => `v3.3.${i}`),
  ]
  return tags.map((tag) => ({
    tag_name: tag,
    prerelease: tag.includes('-'),
    draft: false,
    published_at: '2025-07-01T00:00:00Z',
  }))
}

beforeAll(async () => {
  server = await startReleaseServer()
  server.githubReleases = githubReleases()
})
afterAll(async () => server?.close())
beforeEach(() => {
  server.misbehave('none')
  server.requests.length = 0
})

describe('the release list', () => {
  it('comes from the GitHub API (all pages), cached on disk with its date', async () => {
    const { manager, releasesDir } = newManager([], { githubApiUrl: server.githubApi })
    const list = await manager.listReleases()
    expect(list.origin).toBe('github')
    expect(server.requests.filter((r) => r.path.startsWith('/api/'))).toHaveLength(2)
    expect(list.releases[0]).toMatchObject({
      version: '3.6.4',
      isInstalled: false,
      isAvailable: true,
    })
    expect(list.releases.map((r) => r.version)).not.toContain('3.6.0-rc.5')
    expect(list.releases.map((r) => r.version)).not.toContain('3.3.1')
    expect(list.releases).toHaveLength(5 + 22 + 38)
    const cache = JSON.parse(readFileSync(join(releasesDir, 'releases.json'), 'utf8'))
    expect(cache.fetchedAt).toBe(list.fetchedAt)

    // Fresh cache: no new API call; pre-releases on request.
    const again = await manager.listReleases({ includePrereleases: true })
    expect(again.origin).toBe('cache')
    expect(server.requests.filter((r) => r.path.startsWith('/api/'))).toHaveLength(2)
    expect(again.releases.map((r) => r.version)).toContain('3.6.0-rc.5')

    // GitHub failing on refresh: the cached list, with the date it was fetched.
    server.misbehave('not-found')
    const stale = await manager.listReleases({ refresh: true })
    expect(stale).toMatchObject({ origin: 'cache', fetchedAt: list.fetchedAt })
    await manager.close()
  })

  it('falls back to the shipped list offline, marking installed versions and the system etcd', async () => {
    const [closed] = await freePorts(1)
    const { manager, releasesDir } = newManager([], {
      githubApiUrl: `http://127.0.0.1:${closed}`,
      findSystemEtcd: () => describeEtcd(REAL_ETCD, 'system'),
    })
    // An installed version outside the shipped list still shows up.
    for (const version of [REAL_VERSION, '3.4.99']) {
      mkdirSync(join(releasesDir, `v${version}`), { recursive: true })
      writeFileSync(join(releasesDir, `v${version}`, 'etcd'), '')
      chmodSync(join(releasesDir, `v${version}`, 'etcd'), 0o755)
    }
    const list = await manager.listReleases()
    expect(list).toMatchObject({ origin: 'bundled', fetchedAt: null })
    expect(list.system).toEqual({ kind: 'system', version: REAL_VERSION, path: REAL_ETCD })
    const installed = list.releases.filter((r) => r.isInstalled).map((r) => r.version)
    expect(installed).toEqual(['3.4.99', REAL_VERSION])
    expect(list.releases.some((r) => r.isPrerelease)).toBe(false)
    expect(list.releases.map((r) => r.version)).toContain('3.6.0')
    await manager.close()
  })

  it('says which releases have no archive for this platform', async () => {
    const { manager } = newManager([], {
      githubApiUrl: server.githubApi,
      platform: 'darwin',
      arch: 'arm64',
    })
    const list = await manager.listReleases()
    const available = new Map(list.releases.map((r) => [r.version, r.isAvailable]))
    expect(available.get('3.5.4')).toBe(false)
    expect(available.get('3.5.5')).toBe(true)
    await manager.close()
  })
})
