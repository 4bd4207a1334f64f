import { describe, expect, it } from 'vitest'
import { BUILT_IN_SOURCES, releaseSources } from '../../../src/main/releases/release-sources'

describe('release sources', () => {
  it('tries GitHub then Google by default', () => {
    expect(releaseSources({ env: {} })).toEqual([
      'https://github.com/etcd-io/etcd/releases/download',
      'https://storage.googleapis.com/etcd',
    ])
  })

  it('puts option mirrors, then the env mirror, before the built-ins', () => {
    const sources = releaseSources({
      mirrors: ['https://mirror.corp/etcd/'],
      env: { ETCD_DESK_RELEASE_MIRROR: 'http://air.gap/etcd, https://second/etcd' },
    })
    expect(sources).toEqual([
      'https://mirror.corp/etcd',
      'http://air.gap/etcd',
      'https://second/etcd',
      ...BUILT_IN_SOURCES,
    ])
  })

  it('refuses mirrors that are not http(s) URLs, naming the variable', () => {
    expect(() => releaseSources({ env: { ETCD_DESK_RELEASE_MIRROR: 'file:///srv/etcd' } })).toThrow(
      /ETCD_DESK_RELEASE_MIRROR.*http/,
    )
    expect(() => releaseSources({ mirrors: ['not a url'], env: {} })).toThrow(
      expect.objectContaining({ code: 'INVALID_REQUEST' }),
    )
  })
})
