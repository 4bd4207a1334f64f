/**
 * The registry reads' pure parts: an answer larger than the cap is refused (never buffered
 * whole), and a registration value ("name=peerURL[,name=peerURL2]") is read as etcd wrote it.
 */
import { describe, expect, it } from 'vitest'
import { readBoundedText } from '../../../src/main/discovery/discovery-http'
import { registrationOf } from '../../../src/shared/discovery-registry'

const REGISTRY = { protocol: 'v2' as const, endpoint: 'http://127.0.0.1:41000', token: 'tok' }

describe('readBoundedText', () => {
  it('reads an answer within the cap', async () => {
    expect(await readBoundedText(REGISTRY, new Response('{"node":{}}'))).toBe('{"node":{}}')
  })

  it('refuses an answer over 1 MiB with DISCOVERY_UNAVAILABLE naming the registry URL', async () => {
    const big = new Response('x'.repeat(1024 * 1024 + 1))
    await expect(readBoundedText(REGISTRY, big)).rejects.toMatchObject({
      code: 'DISCOVERY_UNAVAILABLE',
      message: expect.stringContaining('http://127.0.0.1:41000/v2/keys/_etcd/registry/tok'),
    })
  })
})

describe('registrationOf', () => {
  it('reads the name and every peer URL', () => {
    expect(registrationOf('etcd1=http://127.0.0.1:2380')).toEqual({
      name: 'etcd1',
      peerUrls: ['http://127.0.0.1:2380'],
    })
    expect(registrationOf('m=http://a:1,m=http://b:2')).toEqual({
      name: 'm',
      peerUrls: ['http://a:1', 'http://b:2'],
    })
  })

  it('is null for a value that is no registration', () => {
    expect(registrationOf('3')).toBeNull()
    expect(registrationOf('=http://a:1')).toBeNull()
  })
})
