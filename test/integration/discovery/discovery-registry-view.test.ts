/**
 * The "Discovery registry" view on real etcd (README "Discovery"): through the contract channel
 * `discovery:registry`, a token's registry holds its size before any member started and one key
 * per member (name=peerURL, keyed by the member's id) once the 3 members bootstrapped; the read
 * is bounded, reads v3 registries too, says when the discovery etcd is not running, and is null
 * for a static cluster.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { handleRequest } from '../../../src/main/contract/request-handlers'
import { b64, v3Call } from '../../../src/main/discovery/discovery-http'
import { writeSize } from '../../../src/main/discovery/discovery-registry'
import { readRegistryKeys } from '../../../src/main/discovery/registry-keys'
import type { Engine } from '../../../src/main/engine/engine'
import { sizeKeyOf, v2DiscoveryUrlOf } from '../../../src/shared/discovery'
import {
  MAX_REGISTRY_KEYS,
  registrationOf,
  type DiscoveryRegistryView,
} from '../../../src/shared/discovery-registry'
import { findEtcdProcesses } from '../../helpers/etcd-processes'
import { freeSpec, openTestEngine, waitHealthy } from '../../helpers/engine-fixture'
import { testEtcdLines } from '../../helpers/etcd-versions'

describe.each(testEtcdLines())('the discovery registry view on etcd $version', (etcd) => {
  let engine: Engine

  /** The view as the window asks for it (validated by the contract's schema). */
  async function registry(cluster: string): Promise<DiscoveryRegistryView | null> {
    const result = await handleRequest(engine, 'discovery:registry', { cluster })
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
    return result.value
  }

  beforeAll(async () => {
    engine = await openTestEngine(`discovery-view-${etcd.line}`, { etcdPath: etcd.etcd })
  })

  afterAll(async () => {
    await engine.close()
    // The members and the discovery etcd (its data dir is under the data directory too).
    expect(findEtcdProcesses(engine.layout.root)).toEqual([])
  })

  it('lists the size, then the 3 members with their names and peer URLs once they joined', async () => {
    const spec = { ...(await freeSpec('reg', 3)), bootstrap: 'discovery' as const }
    const created = await engine.createCluster(spec, { start: false })
    const token = created.definition.discovery!.token
    const before = await registry('reg')
    expect(before).toMatchObject({
      cluster: 'reg',
      protocol: 'v2',
      token,
      prefix: `/_etcd/registry/${token}/`,
      url: v2DiscoveryUrlOf(created.definition.discovery!),
      expectedSize: 3,
      total: 1,
      keys: [{ key: sizeKeyOf(token), value: '3', kind: 'size' }],
    })

    await engine.startCluster('reg')
    const status = await waitHealthy(engine, 'reg')
    const after = await registry('reg')
    expect(after?.total).toBe(4)
    expect(after?.keys?.[0]).toEqual({ key: sizeKeyOf(token), value: '3', kind: 'size' })
    const members = after?.keys?.filter((k) => k.kind === 'member') ?? []
    expect(members.map((k) => registrationOf(k.value)?.name).sort()).toEqual([
      'etcd1',
      'etcd2',
      'etcd3',
    ])
    // Each key is the member's id (hex), its value the peer URL it advertised.
    const view = engine.getCluster('reg')
    for (const key of members) {
      const { name, peerUrls } = registrationOf(key.value)!
      const listed = status.memberList.find((m) => m.name === name)
      expect(key.key).toBe(`/_etcd/registry/${token}/${listed?.id}`)
      expect(peerUrls).toEqual([view.members.find((m) => m.name === name)?.peerUrl])
    }
  })

  it('reads at most MAX_REGISTRY_KEYS keys of a registry filled by hand, and counts them all', async () => {
    const spec = { ...(await freeSpec('reg-many', 1)), bootstrap: 'discovery' as const }
    const created = await engine.createCluster(spec, { start: false })
    const url = v2DiscoveryUrlOf(created.definition.discovery!)
    for (let i = 0; i < MAX_REGISTRY_KEYS + 20; i++) {
      const body = new URLSearchParams({ value: `other-${i}=http://127.0.0.1:1` })
      const put = await fetch(`${url}/${(0x1000 + i).toString(16)}`, { method: 'PUT', body })
      expect(put.ok).toBe(true)
    }
    const view = await registry('reg-many')
    expect(view?.total).toBe(MAX_REGISTRY_KEYS + 21)
    expect(view?.keys).toHaveLength(MAX_REGISTRY_KEYS)
    // In the order written: the size first, then the registrations (the order etcd honours).
    expect(view?.keys?.[0]?.kind).toBe('size')
    expect(view?.keys?.[1]?.value).toBe('other-0=http://127.0.0.1:1')
    await engine.deleteCluster('reg-many')
  })

  it('reads a v3 registry the same way (3.6+ members; written here by hand)', async () => {
    const r = {
      protocol: 'v3' as const,
      endpoint: engine.discovery.etcd.endpoint!,
      token: 'v3-tok',
    }
    await writeSize(r, 2)
    const member = (id: string, value: string) =>
      v3Call(r, 'put', { key: b64(`/_etcd/registry/v3-tok/members/${id}`), value: b64(value) })
    await member('b2', 'm2=http://127.0.0.1:2')
    await member('a1', 'm1=http://127.0.0.1:1')
    const read = await readRegistryKeys(r)
    expect(read).toEqual({
      total: 3,
      keys: [
        { key: sizeKeyOf('v3-tok'), value: '2', kind: 'size' },
        {
          key: '/_etcd/registry/v3-tok/members/b2',
          value: 'm2=http://127.0.0.1:2',
          kind: 'member',
        },
        {
          key: '/_etcd/registry/v3-tok/members/a1',
          value: 'm1=http://127.0.0.1:1',
          kind: 'member',
        },
      ],
    })
  })

  it('is null for a static cluster, and refuses a bad argument', async () => {
    await engine.createCluster(await freeSpec('reg-static', 1), { start: false })
    expect(await registry('reg-static')).toBeNull()
    const bad = await handleRequest(engine, 'discovery:registry', { cluster: '../x' })
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } })
    await engine.deleteCluster('reg-static')
  })

  it('shows no keys while the discovery etcd does not run (it is never started to read)', async () => {
    await engine.stopCluster('reg')
    await engine.discovery.etcd.stop()
    const view = await registry('reg')
    expect(view).toMatchObject({ cluster: 'reg', expectedSize: 3, keys: null, total: 0 })
    expect(engine.discovery.etcd.isRunning).toBe(false)
  })
})
