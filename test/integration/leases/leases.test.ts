/**
 * Leases through the contract on a real 1-member cluster, on etcd 3.4 and 3.5: grant with a TTL,
 * a key attached, the list with TTLs and keys, keep-alive once, revoke deleting the key, paged
 * attached keys, and a bad TTL refused with a sentence naming it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { handleRequest } from '../../../src/main/contract/request-handlers'
import type { Engine } from '../../../src/main/engine/engine'
import type { RequestArg, RequestChannel, ResponseMap } from '../../../src/shared/contract'
import { findEtcdProcesses } from '../../helpers/etcd-processes'
import { freeSpec, openTestEngine, waitHealthy } from '../../helpers/engine-fixture'
import { testEtcdLines } from '../../helpers/etcd-versions'

const bytes = (s: string): Uint8Array<ArrayBuffer> => new TextEncoder().encode(s)
const text = (b: Uint8Array): string => new TextDecoder().decode(b)

describe.each(testEtcdLines())('leases on etcd $version', (etcd) => {
  let engine: Engine
  const cluster = 'leases'

  /** A request through the contract (schema, handler, error mapping); throws its error data. */
  async function call<C extends RequestChannel>(
    channel: C,
    arg: RequestArg<C>,
  ): Promise<ResponseMap[C]> {
    const result = await handleRequest(engine, channel, arg)
    if (!result.ok) throw Object.assign(new Error(result.error.message), result.error)
    return result.value
  }

  beforeAll(async () => {
    engine = await openTestEngine(`leases-${etcd.line}`, { etcdPath: etcd.etcd })
    await engine.createCluster(await freeSpec(cluster, 1))
    await waitHealthy(engine, cluster)
  })

  afterAll(async () => {
    await engine?.close()
    if (engine) expect(findEtcdProcesses(engine.layout.root)).toEqual([])
  })

  it('grants, lists with TTL and keys, keeps alive once, and revoke deletes the key', async () => {
    const granted = await call('leases:grant', { cluster, ttl: 120 })
    expect(granted.grantedTtl).toBe(120)
    expect(granted.ttl).toBeGreaterThan(100)
    expect(granted.ttl).toBeLessThanOrEqual(120)
    expect(granted.keyCount).toBe(0)

    await call('leases:attach', {
      cluster,
      lease: granted.id,
      key: bytes('/lease/one'),
      value: bytes('held'),
    })
    // The key viewer's link: the key names the lease.
    expect((await engine.keys.get(cluster, bytes('/lease/one'))).lease).toBe(granted.id)

    const page = await call('leases:list', { cluster })
    const listed = page.leases.find((l) => l.id === granted.id)
    expect(listed).toMatchObject({ grantedTtl: 120, keyCount: 1 })
    expect(listed?.keys.map(text)).toEqual(['/lease/one'])
    expect(listed?.ttl).toBeGreaterThan(0)

    const renewed = await call('leases:keep-alive', { cluster, lease: granted.id })
    expect(renewed.id).toBe(granted.id)
    expect(renewed.ttl).toBeGreaterThanOrEqual(119)
    expect(renewed.keys.map(text)).toEqual(['/lease/one'])

    expect(await call('leases:revoke', { cluster, lease: granted.id })).toEqual({ deletedKeys: 1 })
    await expect(engine.keys.get(cluster, bytes('/lease/one'))).rejects.toMatchObject({
      code: 'KEY_NOT_FOUND',
    })
    const after = await call('leases:list', { cluster })
    expect(after.leases.map((l) => l.id)).not.toContain(granted.id)
    await expect(call('leases:get', { cluster, lease: granted.id })).rejects.toMatchObject({
      code: 'LEASE_NOT_FOUND',
      message: expect.stringContaining(BigInt(granted.id).toString(16)),
    })
    await expect(call('leases:keep-alive', { cluster, lease: granted.id })).rejects.toMatchObject({
      code: 'LEASE_NOT_FOUND',
    })
  })

  it('pages attached keys (at most N with the total) and the lease list', async () => {
    const lease = await call('leases:grant', { cluster, ttl: 300 })
    for (let i = 0; i < 5; i++) {
      await call('leases:attach', {
        cluster,
        lease: lease.id,
        key: bytes(`/paged/k${i}`),
        value: bytes(String(i)),
      })
    }
    const shown = await call('leases:get', { cluster, lease: lease.id, keyLimit: 2 })
    expect(shown.keyCount).toBe(5)
    expect(shown.keys).toHaveLength(2)

    await call('leases:grant', { cluster, ttl: 300 })
    await call('leases:grant', { cluster, ttl: 300 })
    const first = await call('leases:list', { cluster, limit: 2 })
    expect(first.total).toBe(3)
    expect(first.leases).toHaveLength(2)
    expect(first.nextAfter).not.toBeNull()
    const second = await call('leases:list', { cluster, limit: 2, after: first.nextAfter ?? '' })
    expect(second.leases).toHaveLength(1)
    expect(second.nextAfter).toBeNull()
    const ids = [...first.leases, ...second.leases].map((l) => BigInt(l.id))
    expect(ids).toEqual([...ids].sort((a, b) => (a < b ? -1 : 1)))
  })

  it('refuses a bad TTL with a sentence naming it', async () => {
    for (const ttl of [0, -5, 1.5, 9_000_000_001]) {
      await expect(call('leases:grant', { cluster, ttl })).rejects.toMatchObject({
        code: 'INVALID_REQUEST',
        message: `Lease TTL ${ttl} is not valid: give whole seconds from 1 to 9000000000.`,
      })
    }
  })
})
