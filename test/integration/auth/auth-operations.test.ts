import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { handleRequest } from '../../../src/main/contract/request-handlers'
import type { Engine } from '../../../src/main/engine/engine'
import type { ClusterOperation } from '../../../src/shared/cluster'
import { shellCommand } from '../../../src/shared/shell-words'
import { findEtcdProcesses } from '../../helpers/etcd-processes'
import { freeSpec, openTestEngine, waitHealthy } from '../../helpers/engine-fixture'

const execFileAsync = promisify(execFile)
const ROOT_PASSWORD = 'root-secret-42'

/** The etcdctl line the engine shows for `args` on a cluster (its etcdctl, endpoints, flags). */
async function twinOf(engine: Engine, cluster: string, args: string[]): Promise<string> {
  const { etcdctl, etcdctlTls } = await engine.clusterCommands(cluster)
  const endpoints = engine
    .getCluster(cluster)
    .members.map((m) => m.clientUrl)
    .join(',')
  return shellCommand(etcdctl, [`--endpoints=${endpoints}`, ...etcdctlTls, ...args])
}

/** Every operation the engine pushed for `cluster` while `run` ran. */
async function operationsDuring<T>(
  engine: Engine,
  cluster: string,
  run: () => Promise<T>,
): Promise<{ value: T; seen: ClusterOperation[] }> {
  const seen: ClusterOperation[] = []
  const listener = (view: ReturnType<Engine['getCluster']>) => {
    if (view.definition.name === cluster && view.operation) seen.push(view.operation)
  }
  engine.on('cluster', listener)
  try {
    return { value: await run(), seen }
  } finally {
    engine.off('cluster', listener)
  }
}

// Enable and disable authentication are operations of the cluster, with etcdctl twins.
describe('authentication on and off as cluster operations', () => {
  let engine: Engine

  beforeAll(async () => {
    engine = await openTestEngine('auth-operations')
    await engine.createCluster(await freeSpec('ops', 1))
    await engine.createCluster({ ...(await freeSpec('secure', 1)), tls: true })
    await waitHealthy(engine, 'ops')
    await waitHealthy(engine, 'secure')
  })

  afterAll(async () => {
    const root = engine?.layout.root
    await engine?.close()
    if (root) expect(findEtcdProcesses(root)).toEqual([])
  })

  it('refuses a weak password before any operation starts', async () => {
    const weak = await handleRequest(engine, 'auth:enable', { cluster: 'ops', rootPassword: 'x' })
    expect(weak).toMatchObject({ ok: false, error: { code: 'WEAK_PASSWORD' } })
    expect(engine.getCluster('ops').lastOperation).toBeNull()
  })

  it('shows enable in the cluster view and reports its etcdctl twins', async () => {
    const expected = [
      await twinOf(engine, 'ops', ['user', 'add', 'root']),
      await twinOf(engine, 'ops', ['role', 'add', 'root']),
      await twinOf(engine, 'ops', ['user', 'grant-role', 'root', 'root']),
      await twinOf(engine, 'ops', ['auth', 'enable']),
    ]
    const { value, seen } = await operationsDuring(engine, 'ops', () =>
      engine.auth.enable('ops', ROOT_PASSWORD),
    )
    expect(value.isEnabled).toBe(true)
    expect(seen[0]).toMatchObject({ kind: 'auth-enable', label: 'Enabling authentication on ops' })
    expect(seen.map((o) => o.step)).toEqual(
      expect.arrayContaining(['etcdctl user add root', 'etcdctl auth enable']),
    )
    const view = engine.getCluster('ops')
    expect(view.operation).toBeNull()
    const report = view.lastOperation!
    expect(report).toMatchObject({ kind: 'auth-enable', isSuccess: true, error: null, probe: null })
    expect(report.commands).toEqual(expected)
    expect(report.commands!.every((c) => !c.includes('--user'))).toBe(true)
    expect(JSON.stringify(report)).not.toContain(ROOT_PASSWORD)
    // What the Commands tab asks for afterwards carries root, never its password.
    expect((await engine.clusterCommands('ops')).etcdctlTls).toEqual(['--user=root'])
    expect((await engine.maintenance.tools('ops')).etcdctlTls).toEqual(['--user=root'])
  })

  it('refuses another operation while disable runs, and disable while another runs', async () => {
    const disableTwin = await twinOf(engine, 'ops', ['auth', 'disable'])
    expect(disableTwin).toMatch(/--user=root auth disable$/)
    const disabling = engine.auth.disable('ops')
    const compact = await handleRequest(engine, 'maintenance:compact', { cluster: 'ops' })
    expect(compact).toMatchObject({
      ok: false,
      error: {
        code: 'CLUSTER_BUSY',
        detail: { operation: 'auth-disable', label: 'Disabling authentication on ops' },
      },
    })
    expect((await disabling).isEnabled).toBe(false)
    expect(engine.getCluster('ops').lastOperation).toMatchObject({
      kind: 'auth-disable',
      isSuccess: true,
      commands: [disableTwin],
    })
    expect((await engine.clusterCommands('ops')).etcdctlTls).toEqual([])

    const compacting = engine.maintenance.compact('ops')
    const enable = await handleRequest(engine, 'auth:enable', {
      cluster: 'ops',
      rootPassword: ROOT_PASSWORD,
    })
    expect(enable).toMatchObject({
      ok: false,
      error: { code: 'CLUSTER_BUSY', detail: { operation: 'compact' } },
    })
    await compacting
    expect(engine.getCluster('ops').lastOperation?.kind).toBe('compact')
  })

  it('enables again with root and its role kept: passwd instead of add, no role add', async () => {
    await engine.auth.enable('ops', 'another-root-42')
    const report = engine.getCluster('ops').lastOperation!
    expect(report.commands).toEqual([
      await twinOf(engine, 'ops', ['user', 'passwd', 'root']).then(withoutUser),
      await twinOf(engine, 'ops', ['user', 'grant-role', 'root', 'root']).then(withoutUser),
      await twinOf(engine, 'ops', ['auth', 'enable']).then(withoutUser),
    ])
    expect(report.steps).toContain('role root already exists (kept from an earlier enable)')
  })

  it('checks the password when auth is already on: a wrong one fails and is reported', async () => {
    const wrong = await handleRequest(engine, 'auth:enable', {
      cluster: 'ops',
      rootPassword: 'not-roots-password',
    })
    expect(wrong).toMatchObject({ ok: false, error: { code: 'AUTH_FAILED' } })
    expect(engine.getCluster('ops').lastOperation).toMatchObject({
      kind: 'auth-enable',
      isSuccess: false,
      commands: [],
    })
    // The engine still runs as root with the right password.
    await engine.keys.put('ops', new TextEncoder().encode('/k'), new TextEncoder().encode('v'))
  })

  it('pushes the cluster view after user and role changes, which are no operations', async () => {
    const before = engine.getCluster('ops').lastOperation
    const pushed: number[] = []
    const listener = (view: ReturnType<Engine['getCluster']>) => {
      if (view.definition.name === 'ops' && view.operation === null) pushed.push(view.revision)
    }
    engine.on('cluster', listener)
    try {
      await engine.auth.addRole('ops', 'reader')
      const afterRole = pushed.length
      expect(afterRole).toBeGreaterThan(0)
      await engine.auth.addUser('ops', 'alice', 'alice-secret-42')
      expect(pushed.length).toBeGreaterThan(afterRole)
      expect(pushed.at(-1)).toBeGreaterThan(pushed[0]!)
    } finally {
      engine.off('cluster', listener)
    }
    expect(engine.getCluster('ops').lastOperation).toBe(before)
  })

  it('gives a TLS cluster twins with its certificate flags, which run as shown', async () => {
    const { etcdctlTls } = await engine.clusterCommands('secure')
    expect(etcdctlTls.join(' ')).toMatch(/--cacert=\S+ --cert=\S+ --key=\S+/)
    await engine.auth.enable('secure', ROOT_PASSWORD)
    const commands = engine.getCluster('secure').lastOperation!.commands!
    expect(commands).toHaveLength(4)
    for (const command of commands) expect(command).toContain(etcdctlTls.join(' '))
    // The last twin's connection flags, with root's password added, read from the TLS cluster.
    const get = commands.at(-1)!.replace(/ auth enable$/, ` --user=root:${ROOT_PASSWORD} get /none`)
    await execFileAsync('bash', ['-c', get], { timeout: 20_000 })
    await engine.auth.disable('secure')
    const disable = engine.getCluster('secure').lastOperation!.commands!
    expect(disable).toEqual([expect.stringMatching(/--key=\S+ --user=root auth disable$/)])
  })
})

/** A twin as it was before auth was on (twins computed now carry `--user=root`). */
function withoutUser(command: string): string {
  return command.replace(' --user=root', '')
}
