import { spawn } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Engine } from '../../../src/main/engine/engine'
import { bridgePushes } from '../../../src/main/contract/push-bridge'
import { handleRequest } from '../../../src/main/contract/request-handlers'
import { PLAIN_SECURITY } from '../../../src/main/etcd/client-security'
import { silentLog } from '../../../src/main/log/engine-log'
import { WriteProbe } from '../../../src/main/probe/write-probe'
import { PROBE_PREFIX, type ProbeStats } from '../../../src/shared/probe'
import { PROBE_LOOP_PREFIX, probeLoopSuggestion } from '../../../src/shared/probe-etcdctl'
import { findEtcdProcesses } from '../../helpers/etcd-processes'
import {
  ENGINE_WAIT,
  etcdctl,
  freeSpec,
  openTestEngine,
  waitHealthy,
} from '../../helpers/engine-fixture'
import { testEtcdLines } from '../../helpers/etcd-versions'

const CLUSTER = 'probe'

// One engine and one 3-member cluster per etcd line; the cases run in order on it.
describe.each(testEtcdLines())('the write probe on etcd $version', (etcd) => {
  let engine: Engine
  const pushes: ProbeStats[] = []
  const cli = (...args: string[]) => etcdctl(engine.getCluster(CLUSTER), args, etcd.etcdctl)
  /** The probe keys etcd holds now, with their leases in hex ('0': none). */
  const probeKeys = async () => {
    // Fields, not JSON: a lease id is an int64, beyond what a JSON number holds exactly.
    const out = await cli('get', '--prefix', PROBE_PREFIX, '-w', 'fields')
    const keys = [...out.matchAll(/^"Key" : "(.*)"$/gm)].map((m) => m[1] ?? '')
    const leases = [...out.matchAll(/^"Lease" : (\d+)$/gm)].map((m) => BigInt(m[1]!).toString(16))
    return keys.map((key, i) => ({ key, lease: leases[i] ?? '0' }))
  }
  /** Seconds the lease has left, as etcd says. */
  const remainingTtl = async (lease: string) =>
    Number(/remaining\((-?\d+)s\)/.exec(await cli('lease', 'timetolive', lease))?.[1])
  const stats = () => engine.probes.stats(CLUSTER)

  beforeAll(async () => {
    engine = await openTestEngine(`probe-${etcd.line}`, { etcdPath: etcd.etcd })
    engine.on('probe', (s) => pushes.push(s))
    await engine.createCluster(await freeSpec(CLUSTER, 3))
    await waitHealthy(engine, CLUSTER)
  })

  afterAll(async () => {
    await engine?.close()
    if (engine) expect(findEtcdProcesses(engine.layout.root)).toEqual([])
  })

  it('writes and reads through every member of a healthy cluster without a failure', async () => {
    await engine.probes.start(CLUSTER)
    // 60 attempts: 20 per member, each a put then a linearizable get.
    await vi.waitFor(() => expect(stats().ok).toBeGreaterThanOrEqual(60), ENGINE_WAIT)
    const now = stats()
    expect(now).toMatchObject({ cluster: CLUSTER, isRunning: true, failed: 0, lastError: null })
    expect(now.totals.failed).toBe(0)
    expect(now.p50Ms).toBeGreaterThan(0)
    expect(now.p99Ms).toBeGreaterThanOrEqual(now.p50Ms ?? 0)
    const keys = await probeKeys()
    expect(keys.map((k) => k.key).sort()).toEqual(
      ['etcd1', 'etcd2', 'etcd3'].map((m) => PROBE_PREFIX + m),
    )
    // One lease for all of them, so they vanish together.
    expect(new Set(keys.map((k) => k.lease)).size).toBe(1)
    expect(keys[0]?.lease).not.toBe('0')
    await vi.waitFor(
      () => expect(pushes.some((p) => p.isRunning && p.ok > 0)).toBe(true),
      ENGINE_WAIT,
    )
  })

  it('keeps its lease alive while it runs', async () => {
    const [{ lease } = { lease: '0' }] = await probeKeys()
    let lowest = Infinity
    // A renewal (every third of the 10 s TTL) shows as a remaining TTL that went up again.
    await vi.waitFor(async () => {
      const remaining = await remainingTtl(lease)
      lowest = Math.min(lowest, remaining)
      expect(remaining).toBeGreaterThan(lowest)
    }, ENGINE_WAIT)
    expect(stats().totals.failed).toBe(0)
  })

  it('counts the failures of a killed follower while the others keep succeeding', async () => {
    const { leaderName } = await waitHealthy(engine, CLUSTER)
    const follower = engine.getCluster(CLUSTER).members.find((m) => m.name !== leaderName)!
    process.kill(follower.pid!, 'SIGKILL')
    await vi.waitFor(() => expect(stats().failed).toBeGreaterThan(0), ENGINE_WAIT)
    expect(stats().lastError).toMatch(new RegExp(`^${follower.name}: `))
    const okAtFirstFailure = stats().totals.ok
    const pushCount = pushes.length
    await vi.waitFor(
      () => expect(stats().totals.ok).toBeGreaterThanOrEqual(okAtFirstFailure + 40),
      ENGINE_WAIT,
    )
    // Every failure pushed since then was the killed member's.
    const errors = pushes.slice(pushCount).map((p) => p.lastError)
    expect(errors.every((e) => e?.startsWith(`${follower.name}: `))).toBe(true)
    await engine.startMember(CLUSTER, follower.name)
    await waitHealthy(engine, CLUSTER)
  })

  it('gives a silent (paused) member one attempt per deadline, at no cost to the others', async () => {
    const { leaderName } = await waitHealthy(engine, CLUSTER)
    const follower = engine.getCluster(CLUSTER).members.find((m) => m.name !== leaderName)!
    const before = stats().totals
    process.kill(follower.pid!, 'SIGSTOP')
    try {
      await vi.waitFor(
        () => expect(stats().totals.failed).toBeGreaterThan(before.failed),
        ENGINE_WAIT,
      )
      expect(stats().lastError).toMatch(
        new RegExp(`^${follower.name}: put failed: .*deadline`, 'i'),
      )
      const atFirst = stats().totals
      await vi.waitFor(
        () => expect(stats().totals.ok).toBeGreaterThanOrEqual(atFirst.ok + 60),
        ENGINE_WAIT,
      )
      // Its turn stays busy until the deadline: far fewer failures than the others' successes.
      const after = stats().totals
      expect(after.failed - atFirst.failed).toBeLessThanOrEqual((after.ok - atFirst.ok) / 4)
    } finally {
      process.kill(follower.pid!, 'SIGCONT')
    }
    await waitHealthy(engine, CLUSTER)
  })

  it('stops: the lease is revoked, the probe keys are gone, a final push says so', async () => {
    const final = await engine.probes.stop(CLUSTER)
    expect(final.isRunning).toBe(false)
    expect(final.totals.ok).toBeGreaterThan(0)
    expect(pushes.at(-1)).toMatchObject({ cluster: CLUSTER, isRunning: false })
    expect(engine.probes.resources(CLUSTER)).toBeNull()
    expect(await probeKeys()).toEqual([])
    // Stopped means stopped: no push follows.
    const count = pushes.length
    await new Promise((resolve) => setTimeout(resolve, 1_500))
    expect(pushes.length).toBe(count)
  })

  it('a probe on its own leaves no timer, client or attempt behind when stopped', async () => {
    const members = engine.getCluster(CLUSTER).members
    const probe = new WriteProbe({
      cluster: CLUSTER,
      endpoints: () => members.map((m) => ({ member: m.name, clientUrl: m.clientUrl })),
      log: silentLog(),
      security: PLAIN_SECURITY,
    })
    await vi.waitFor(() => expect(probe.totals().ok).toBeGreaterThan(3), ENGINE_WAIT)
    expect(probe.resources()).toMatchObject({ timers: 2, clients: 3 })
    await probe.stop()
    expect(probe.resources()).toEqual({ timers: 0, clients: 0, attempts: 0 })
    expect(await probeKeys()).toEqual([])
  })

  it('measures an operation: begin()/end() count only their window', async () => {
    await engine.probes.start(CLUSTER)
    await vi.waitFor(() => expect(stats().totals.ok).toBeGreaterThanOrEqual(20), ENGINE_WAIT)
    const window = await engine.probes.begin(CLUSTER)
    const before = stats().totals.ok
    await vi.waitFor(
      () => expect(stats().totals.ok).toBeGreaterThanOrEqual(before + 20),
      ENGINE_WAIT,
    )
    const counts = await window.end()
    expect(counts?.failed).toBe(0)
    expect(counts?.ok).toBeGreaterThanOrEqual(20)
    expect(counts?.ok).toBeLessThan(stats().totals.ok)
    // The user started it: the measurement leaves it running.
    expect(stats().isRunning).toBe(true)
    await engine.probes.stop(CLUSTER)
  })

  it('begin() starts a stopped probe and end() stops it again', async () => {
    const window = await engine.probes.begin(CLUSTER)
    expect(engine.probes.resources(CLUSTER)).not.toBeNull()
    // The measurement starts once the probe wrote (connection and lease in place), not before.
    const atBegin = stats().totals.ok
    expect(atBegin).toBeGreaterThanOrEqual(1)
    await vi.waitFor(
      () => expect(stats().totals.ok).toBeGreaterThanOrEqual(atBegin + 20),
      ENGINE_WAIT,
    )
    const counts = await window.end()
    expect(counts?.ok).toBeGreaterThanOrEqual(20)
    expect(engine.probes.resources(CLUSTER)).toBeNull()
    expect(stats().isRunning).toBe(false)
    expect(await probeKeys()).toEqual([])
  })

  it('has an etcdctl twin, a bash loop of put and get through each member with a lease', async () => {
    const { etcdctl: binary } = await engine.clusterCommands(CLUSTER)
    const { command } = probeLoopSuggestion(binary, engine.getCluster(CLUSTER).members)
    // Its own process group, so the loop and the etcdctl it runs stop together, like Ctrl+C.
    const loop = spawn('bash', ['-c', command], {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const exited = new Promise((resolve) => loop.once('exit', resolve))
    let output = ''
    loop.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    loop.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    try {
      await vi.waitFor(() => {
        for (const m of ['etcd1', 'etcd2', 'etcd3'])
          expect(output).toContain(`ok     ${PROBE_LOOP_PREFIX}${m}`)
      }, ENGINE_WAIT)
    } finally {
      process.kill(-loop.pid!, 'SIGINT')
      await exited
    }
    expect(output).not.toContain('FAILED')
    const keys = (await probeKeys()).filter((k) => k.key.startsWith(PROBE_LOOP_PREFIX))
    expect(keys).toHaveLength(3)
    expect(keys.every((k) => k.lease !== '0')).toBe(true)
    await cli('del', '--prefix', PROBE_LOOP_PREFIX)
  })

  it('stops by itself when the cluster has no live member, and then refuses to start', async () => {
    await engine.probes.start(CLUSTER)
    for (const m of engine.getCluster(CLUSTER).members) process.kill(m.pid!, 'SIGKILL')
    await vi.waitFor(() => expect(engine.probes.resources(CLUSTER)).toBeNull(), ENGINE_WAIT)
    expect(pushes.at(-1)).toMatchObject({ isRunning: false })
    await expect(engine.probes.start(CLUSTER)).rejects.toMatchObject({
      code: 'CLUSTER_NOT_RUNNING',
    })
    const window = await engine.probes.begin(CLUSTER)
    expect(await window.end()).toBeNull()
  })

  it('runs through the contract, whose pushes carry its figures', async () => {
    const pushed: ProbeStats[] = []
    const unbridge = bridgePushes(engine, (channel, payload) => {
      if (channel === 'probe:stats') pushed.push(payload as ProbeStats)
    })
    try {
      const refused = await handleRequest(engine, 'probe:start', { cluster: CLUSTER })
      expect(refused).toMatchObject({ ok: false, error: { code: 'CLUSTER_NOT_RUNNING' } })
      await engine.startCluster(CLUSTER)
      await waitHealthy(engine, CLUSTER)
      const started = await handleRequest(engine, 'probe:start', { cluster: CLUSTER })
      expect(started).toMatchObject({ ok: true, value: { cluster: CLUSTER, isRunning: true } })
      await vi.waitFor(() => expect(pushed.at(-1)?.ok).toBeGreaterThan(0), ENGINE_WAIT)
    } finally {
      unbridge()
    }
  })

  it('stops with the engine, revoking its lease while the members still run', async () => {
    await vi.waitFor(async () => expect(await probeKeys()).toHaveLength(3), ENGINE_WAIT)
    const view = engine.getCluster(CLUSTER)
    await engine.close({ keepRunning: true })
    expect(pushes.at(-1)).toMatchObject({ isRunning: false })
    const left = await etcdctl(view, ['get', '--prefix', PROBE_PREFIX, '--keys-only'], etcd.etcdctl)
    expect(left).toBe('')
    for (const p of findEtcdProcesses(engine.layout.root)) process.kill(p.pid, 'SIGKILL')
    await vi.waitFor(() => expect(findEtcdProcesses(engine.layout.root)).toEqual([]), ENGINE_WAIT)
  })
})
