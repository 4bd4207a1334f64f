import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openClientSession } from '../../../src/main/contract/client-session'
import type { PushSink } from '../../../src/main/contract/push-bridge'
import type { Engine } from '../../../src/main/engine/engine'
import type { PushMap } from '../../../src/shared/contract'
import type {
  MemberMetrics,
  MetricsBatch,
  MetricsSample,
  MetricsSubscription,
} from '../../../src/shared/metrics'
import type { Result } from '../../../src/shared/result'
import { findEtcdProcesses } from '../../helpers/etcd-processes'
import {
  etcdctl,
  freeSpec,
  openTestEngine,
  waitFor,
  waitHealthy,
} from '../../helpers/engine-fixture'
import { testEtcdLines } from '../../helpers/etcd-versions'

const CLUSTER = 'metrics'

/** A window's session that keeps the metrics batches pushed to it. */
function windowSession(engine: Engine) {
  const batches: MetricsBatch[] = []
  const push: PushSink = (channel, payload) => {
    if (channel === 'metrics:samples') batches.push(payload as PushMap['metrics:samples'])
  }
  return { session: openClientSession(engine, push), batches }
}

/** The value of a request that must succeed. */
function valueOf<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.value as T
}

/** True when every figure /metrics and the status poll give is there for the member. */
function isComplete(m: MemberMetrics | undefined): boolean {
  return Boolean(
    m &&
    m.raftIndex !== null &&
    m.appliedIndex !== null &&
    m.proposalsCommitted !== null &&
    m.proposalsApplied !== null &&
    m.proposalsPending !== null &&
    m.proposalsFailed !== null &&
    m.dbSizeBytes !== null &&
    m.dbInUseBytes !== null &&
    m.leaderChanges !== null &&
    m.clientRequestsPerSecond !== null,
  )
}

/** The engine log's lines saying `member` stopped answering /metrics. */
const silentLines = (log: string, member: string) =>
  log
    .split('\n')
    .filter((l) => l.includes('does not answer /metrics') && l.includes(`"member":"${member}"`))

const memberOf = (sample: MetricsSample | undefined, name: string) =>
  sample?.members.find((m) => m.member === name)

// One engine and one 3-member cluster per etcd line (both expose the families read).
describe.each(testEtcdLines())('metrics sampling on etcd $version', (etcd) => {
  let engine: Engine
  const names = ['etcd1', 'etcd2', 'etcd3']
  const put = (key: string) => etcdctl(engine.getCluster(CLUSTER), ['put', key, 'v'], etcd.etcdctl)
  const engineLog = () => readFile(engine.layout.engineLogFile, 'utf8')

  beforeAll(async () => {
    engine = await openTestEngine(`metrics-${etcd.line}`, { etcdPath: etcd.etcd })
    await engine.createCluster(await freeSpec(CLUSTER, 3))
    await waitHealthy(engine, CLUSTER)
  })

  afterAll(async () => {
    await engine?.close()
    if (engine) expect(findEtcdProcesses(engine.layout.root)).toEqual([])
  })

  it('pushes samples of every member to the window that shows the tab, p99s after writes', async () => {
    const { session, batches } = windowSession(engine)
    const subscribed = valueOf<MetricsSubscription>(
      await session.request('metrics:subscribe', { cluster: CLUSTER }),
    )
    const latest = () => batches.at(-1)?.samples.at(-1)
    // Writes between two rounds give every member fsyncs and commits to take a p99 of.
    const sample = await waitFor(
      async () => {
        await put(`metrics-${Date.now()}`)
        return latest()
      },
      (s) =>
        names.every((n) => {
          const m = memberOf(s, n)
          return isComplete(m) && (m?.walFsyncP99Ms ?? 0) > 0 && (m?.backendCommitP99Ms ?? 0) > 0
        }),
    )
    expect(batches.every((b) => b.cluster === CLUSTER)).toBe(true)
    for (const name of names) {
      const m = memberOf(sample, name)!
      expect(m.dbSizeBytes).toBeGreaterThan(0)
      expect(m.dbInUseBytes).toBeLessThanOrEqual(m.dbSizeBytes!)
      expect(m.proposalsCommitted).toBeGreaterThan(0)
      expect(m.clientRequestsPerSecond).toBeGreaterThan(0)
    }
    // A second window's tab fills at once from what the engine kept.
    const other = windowSession(engine)
    const second = valueOf<MetricsSubscription>(
      await other.session.request('metrics:subscribe', { cluster: CLUSTER }),
    )
    expect(second.samples.length).toBeGreaterThanOrEqual(2)
    expect(second.samples.map((s) => s.at)).toContain(sample!.at)
    // A window ends only its own subscription; sampling stops with the last window.
    const foreign = await other.session.request('metrics:unsubscribe', {
      subscriptionId: subscribed.subscriptionId,
    })
    expect(foreign).toEqual({ ok: true, value: null })
    expect(engine.metrics.isSampling(CLUSTER)).toBe(true)
    await session.close()
    expect(engine.metrics.isSampling(CLUSTER)).toBe(true)
    await other.session.close()
    expect(engine.metrics.isSampling(CLUSTER)).toBe(false)
    expect(engine.metrics.history(CLUSTER).length).toBeGreaterThanOrEqual(2)
  })

  it('counts a leader change after the leader is killed, the killed member a gap', async () => {
    const samples: MetricsSample[] = []
    const { subscriptionId } = engine.metrics.subscribe(CLUSTER, (b) => samples.push(...b.samples))
    const leader = (await waitHealthy(engine, CLUSTER)).leaderName!
    const survivors = names.filter((n) => n !== leader)
    const before = await waitFor(
      () => samples.at(-1),
      (s) => names.every((n) => isComplete(memberOf(s, n))),
    )
    await engine.killMember(CLUSTER, leader)
    const after = await waitFor(
      () => samples.at(-1),
      (s) =>
        survivors.every(
          (n) => (memberOf(s, n)?.leaderChanges ?? 0) > (memberOf(before, n)?.leaderChanges ?? 0),
        ),
    )
    expect(memberOf(after, leader)).toMatchObject({ dbSizeBytes: null, leaderChanges: null })
    // Killed on purpose: not asked, so its silence is no outage to log.
    expect(silentLines(await engineLog(), leader)).toHaveLength(0)
    await engine.startMember(CLUSTER, leader)
    await waitFor(
      () => samples.at(-1),
      (s) => isComplete(memberOf(s, leader)),
    )
    await engine.metrics.unsubscribe(subscriptionId)
  })

  it('logs a member that stops answering once per outage, and when it answers again', async () => {
    const samples: MetricsSample[] = []
    const { subscriptionId } = engine.metrics.subscribe(CLUSTER, (b) => samples.push(...b.samples))
    const status = await waitHealthy(engine, CLUSTER)
    const hung = names.find((n) => n !== status.leaderName)!
    // Paused (SIGSTOP), it keeps its port but answers nothing: an outage the user did not ask for.
    await engine.membership.pause(CLUSTER, hung)
    const seen = await waitFor(
      () => samples.length,
      (n) => n > 0 && memberOf(samples[n - 1], hung)?.dbSizeBytes === null,
    )
    // Three more rounds of silence: still a gap, still one line in the engine log.
    await waitFor(
      () => samples.length,
      (n) => n >= seen + 3,
    )
    expect(samples.slice(seen).every((s) => memberOf(s, hung)?.dbSizeBytes === null)).toBe(true)
    expect(silentLines(await engineLog(), hung)).toHaveLength(1)
    await engine.membership.resume(CLUSTER, hung)
    await waitFor(
      () => samples.at(-1),
      (s) => isComplete(memberOf(s, hung)),
    )
    await waitFor(engineLog, (log) => log.includes('metrics answer again'))
    await engine.metrics.unsubscribe(subscriptionId)
  })

  it('samples a connected cluster from the members its member list names', async () => {
    const endpoint = engine.getCluster(CLUSTER).members[0]!.clientUrl
    const spec = {
      name: 'remote',
      endpoints: [endpoint],
      tls: null,
      username: null,
      readOnly: true,
    }
    await engine.connections.save(spec, null, true)
    await engine.connections.connect('remote')
    const samples: MetricsSample[] = []
    const { subscriptionId } = engine.metrics.subscribe('remote', (b) => samples.push(...b.samples))
    // Every member, though only the first endpoint was given, and no write probe.
    const sample = await waitFor(
      () => samples.at(-1),
      (s) => names.every((n) => isComplete(memberOf(s, n))),
    )
    expect(sample!.probeP99Ms).toBeNull()
    await engine.metrics.unsubscribe(subscriptionId)
    expect(engine.metrics.isSampling('remote')).toBe(false)
    await engine.connections.remove('remote')
  })

  it('pauses sampling while the cluster is stopped and keeps its history', async () => {
    const { subscriptionId } = engine.metrics.subscribe(CLUSTER, () => undefined)
    expect(engine.metrics.isSampling(CLUSTER)).toBe(true)
    const kept = engine.metrics.history(CLUSTER).length
    await engine.stopCluster(CLUSTER)
    await waitFor(
      () => engine.metrics.isSampling(CLUSTER),
      (isSampling) => !isSampling,
    )
    expect(engine.metrics.history(CLUSTER).length).toBeGreaterThanOrEqual(kept)
    await engine.metrics.unsubscribe(subscriptionId)
  })
})
