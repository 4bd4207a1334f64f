import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Engine } from '../../../src/main/engine/engine'
import type { ConnectionSpec } from '../../../src/shared/connections'
import { openTestEngine } from '../../helpers/engine-fixture'
import { startSecuredCluster, type SecuredCluster } from '../../helpers/secured-plain-cluster'

const text = (s: string): Uint8Array => new TextEncoder().encode(s)
const decode = (b: Uint8Array): string => new TextDecoder().decode(b)

/**
 * A plain etcd cluster the test starts itself (not created by etcd Desk) with mutual TLS and
 * authentication on, reached through a saved connection.
 */
describe('a connection to a cluster etcd Desk did not create (TLS and authentication on)', () => {
  let secured: SecuredCluster
  let engine: Engine
  const cluster = () => secured.cluster
  const files = () => secured.files
  const etcdctl = (...args: string[]) => secured.etcdctl(...args)

  const spec = (patch: Partial<ConnectionSpec> = {}): ConnectionSpec => ({
    name: 'team',
    endpoints: cluster().endpoints,
    tls: { caFile: files().caDer, certFile: files().cert, keyFile: files().key },
    username: 'root',
    readOnly: true,
    ...patch,
  })

  beforeAll(async () => {
    secured = await startSecuredCluster('connection')
    engine = await openTestEngine('connections')
  })

  afterAll(async () => {
    await engine?.close()
    await secured?.stop()
  })

  it('tests the connection: every endpoint answers, and the members are listed', async () => {
    const result = await engine.connections.test(spec(), 'root-secret-1')
    expect(result.isOk).toBe(true)
    expect(result.endpoints.map((e) => e.isOk)).toEqual([true, true, true])
    expect(result.endpoints[0]?.version).toMatch(/^3\.\d+\.\d+$/)
    expect(result.members.map((m) => m.name).sort()).toEqual(['m1', 'm2', 'm3'])
  })

  it('names each problem in plain words', async () => {
    const problemOf = async (patch: Partial<ConnectionSpec>, password: string | null) => {
      const result = await engine.connections.test(spec(patch), password)
      expect(result.isOk).toBe(false)
      return result.endpoints[0]!
    }
    const wrongCa = await problemOf(
      { tls: { caFile: files().otherCa, certFile: files().cert, keyFile: files().key } },
      'root-secret-1',
    )
    expect(wrongCa.problem).toBe('tls-unknown-authority')
    expect(wrongCa.words).toMatch(/unknown authority/)
    const noClientCert = await problemOf(
      { tls: { caFile: files().ca, certFile: null, keyFile: null } },
      'root-secret-1',
    )
    expect(noClientCert.problem).toBe('client-certificate-required')
    expect((await problemOf({}, 'wrong-password')).problem).toBe('authentication-failed')
    const refused = await problemOf({ endpoints: ['https://127.0.0.1:1'] }, 'root-secret-1')
    expect(refused.problem).toBe('connection-refused')
    expect(refused.words).toMatch(/Nothing listens/)
    const plain = await problemOf(
      { endpoints: [cluster().endpoints[0]!.replace('https', 'http')], tls: null },
      null,
    )
    expect(plain.problem).toBe('tls-expected')
  })

  it('with "Skip server verification", trusts a server its CA file would refuse', async () => {
    const skip = { certFile: files().cert, keyFile: files().key, skipServerVerification: true }
    const wrongCa = await engine.connections.test(
      spec({ tls: { caFile: files().otherCa, ...skip } }),
      'root-secret-1',
    )
    expect(wrongCa.endpoints.map((e) => e.problem)).toEqual([null, null, null])
    // No CA file: the system's CAs never signed the test's certificates, so only skipping helps.
    const systemCas = await engine.connections.test(
      spec({ tls: { caFile: null, ...skip } }),
      'root-secret-1',
    )
    expect(systemCas.isOk).toBe(true)
    expect(systemCas.members.map((m) => m.name).sort()).toEqual(['m1', 'm2', 'm3'])
    const refused = await engine.connections.test(
      spec({ tls: { caFile: null, certFile: files().cert, keyFile: files().key } }),
      'root-secret-1',
    )
    expect(refused.endpoints[0]?.problem).toBe('tls-unknown-authority')
  })

  it('refuses a key file that is not a key, naming it, before saving anything', async () => {
    await expect(
      engine.connections.save(
        spec({ tls: { caFile: files().ca, certFile: files().cert, keyFile: files().cert } }),
        'root-secret-1',
        true,
      ),
    ).rejects.toMatchObject({ code: 'CONNECTION_FILE_INVALID', detail: { role: 'key' } })
    expect(await engine.connections.list()).toEqual([])
  })

  it('opens a saved connection: every member with its own status, keys browsed, writes refused', async () => {
    const saved = await engine.connections.save(spec(), 'root-secret-1', true)
    expect(saved).toMatchObject({ name: 'team', readOnly: true, hasPassword: true })
    // Never a password in the saved files (browse mode here: no SecretBox, memory only).
    const stored = readdirSync(join(engine.layout.root, 'connections'))
    expect(stored).toEqual(['team.json'])
    expect(
      readFileSync(join(engine.layout.root, 'connections', 'team.json'), 'utf8'),
    ).not.toContain('root-secret-1')

    const status = await engine.connections.connect('team')
    expect(status.members.map((m) => m.member).sort()).toEqual(['m1', 'm2', 'm3'])
    expect(status.members.every((m) => m.healthy && m.raftIndex !== null)).toBe(true)
    expect(status.leaderName).not.toBeNull()
    expect(engine.getStatus('team')?.members).toHaveLength(3)

    const page = await engine.keys.list('team', { prefix: text('/team/'), withValues: true })
    expect(page.entries.map((k) => decode(k.key))).toEqual(['/team/config'])
    await expect(engine.keys.put('team', text('/team/new'), text('x'))).rejects.toMatchObject({
      code: 'READ_ONLY',
    })
    expect(await etcdctl('--user=root:root-secret-1', 'get', '/team/new')).toBe('')
    // Leases read, a grant refused: everything that writes goes through the same check.
    expect((await engine.leases.list('team', {})).leases).toEqual([])
    await expect(engine.leases.grant('team', 60)).rejects.toMatchObject({ code: 'READ_ONLY' })
    // Maintenance that only reads runs; what changes the cluster is refused before it is sent.
    expect(await engine.maintenance.alarms('team')).toEqual([])
    const snapshot = await engine.maintenance.saveSnapshot('team', 'm2')
    expect(snapshot).toMatchObject({ cluster: 'team', member: 'm2' })
    expect(statSync(snapshot.file).size).toBe(snapshot.bytes)
    expect(snapshot.bytes).toBeGreaterThan(0)
    for (const change of [
      () => engine.maintenance.defragment('team'),
      () => engine.maintenance.compact('team'),
      () => engine.maintenance.disarm('team'),
    ]) {
      await expect(change()).rejects.toMatchObject({
        code: 'READ_ONLY',
        detail: { cluster: 'team' },
      })
    }
  })

  it('writes once read-only is off, and fails over when the first endpoint dies', async () => {
    await engine.connections.save(spec({ readOnly: false }), undefined, false)
    // Saving settings closes the connection: a key write asked before it reopened opens it,
    // with the new settings (read-only off).
    await engine.keys.put('team', text('/team/new'), text('written'))
    await cluster().kill('m1')
    // Every read right after the kill is answered: a call that picks m1 fails over to another.
    for (let i = 0; i < 5; i++) {
      const entry = await engine.keys.get('team', text('/team/new'))
      expect(decode(entry.value ?? new Uint8Array())).toBe('written')
    }
    await cluster().restart('m1')
  })

  it('maintains a connected cluster: defragments followers first, compacts, one action at a time', async () => {
    // Saving settings closes the connection: maintenance asked before it reopened opens it.
    await engine.connections.save(spec({ readOnly: false }), undefined, false)
    expect(await engine.maintenance.alarms('team')).toEqual([])
    // The restarted m1 reads as serving again before maintenance counts on it.
    await vi.waitFor(
      () => expect(engine.getStatus('team')?.members.every((m) => m.healthy)).toBe(true),
      { timeout: 15_000 },
    )
    const defragmenting = engine.maintenance.defragment('team')
    await expect(engine.maintenance.compact('team')).rejects.toMatchObject({
      code: 'CLUSTER_BUSY',
      detail: { cluster: 'team', operation: 'defragment' },
    })
    const report = await defragmenting
    expect(report.steps.map((s) => s.member)).toHaveLength(3)
    // The leader the defragmentation read itself goes last (the polled status may be older).
    expect(report.steps.at(-1)).toMatchObject({ wasLeader: true })
    expect(report.steps.slice(0, 2).every((s) => !s.wasLeader)).toBe(true)

    const before = (
      await etcdctl('--user=root:root-secret-1', 'get', '/team/new', '-w', 'json')
    ).match(/"mod_revision":(\d+)/)?.[1]
    await engine.keys.put('team', text('/team/new'), text('rewritten'))
    const { revision } = await engine.maintenance.compact('team')
    expect(BigInt(revision)).toBeGreaterThan(BigInt(before ?? '0'))
    await expect(
      etcdctl('--user=root:root-secret-1', 'get', '/team/new', `--rev=${before}`),
    ).rejects.toThrow(/compacted/)
  })

  it('is not a name a new local cluster can take', async () => {
    const view = await engine.connections.list()
    expect(view.map((c) => c.name)).toEqual(['team'])
    await expect(
      engine.createCluster({
        name: 'team',
        etcdVersion: 'system',
        host: '127.0.0.1',
        members: [{ name: 'etcd1', clientPort: 40111, peerPort: 40112 }],
      }),
    ).rejects.toMatchObject({ code: 'CLUSTER_EXISTS' })
  })
})
