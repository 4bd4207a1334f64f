import type { TlsRestart, TlsSwitch, TlsSwitchPhase } from '../../shared/tls-switch'
import type { ClusterRuntime } from '../cluster/cluster-runtime'
import { peerUrlOf } from '../cluster/etcd-flags'
import type { ReportedContext } from '../cluster/reported-operation'
import { EngineError, isEngineError } from '../errors/engine-error'
import { say, type MaintenanceWordsKey } from '../maintenance/maintenance-words'
import { listedMember, readClusterFacts } from '../membership/cluster-facts'
import { allEndpoints, etcdctlTwin } from '../membership/etcdctl-twin'
import { toDecimalId } from '../membership/member-ids'
import { callMembership, UNHEALTHY_WAIT_MS } from '../membership/membership-call'
import { withVoterClient } from '../membership/voter-client'
import { LOG_TAIL_LINES } from '../process/member-process'
import { startAndCatchUp, stopDrained, type Drain } from '../rolling/member-restart'
import { handOver } from '../rolling/rolling-order'

/** What each phase does to one member, as the operation's step and its report note say it. */
const PHASE_WORDS: Readonly<
  Record<TlsSwitchPhase, { step: MaintenanceWordsKey; done: MaintenanceWordsKey }>
> = {
  material: { step: 'step.phase.material', done: 'note.phaseDone.material' },
  peers: { step: 'step.phase.peers', done: 'note.phaseDone.peers' },
  'https-only': { step: 'step.phase.httpsOnly', done: 'note.phaseDone.httpsOnly' },
}

/**
 * Moves one member through the switch's current phase: leadership handed over first when it
 * leads, the member saved as in progress (its next start uses the phase's flags), drained from
 * the write probe, its peer URL updated in the 'peers' phase, restarted, caught up, saved done.
 */
export async function moveMemberThroughPhase(
  runtime: ClusterRuntime,
  next: { name: string; isLeader: boolean },
  drain: Drain,
  ctx: ReportedContext,
): Promise<TlsRestart> {
  const { name } = next
  const change = runtime.def.tlsSwitch!
  const phase = change.phase
  const startedAt = Date.now()
  if (next.isLeader) await handOver(runtime, name, (m) => change.done.includes(m), ctx)
  await saveSwitch(runtime, { ...runtime.def.tlsSwitch!, member: name })
  ctx.step(say(PHASE_WORDS[phase].step, { member: name }))
  const beforeStop = phase === 'peers' ? () => updatePeerUrl(runtime, name, ctx) : undefined
  const undrain = await stopDrained(runtime, name, drain, ctx, beforeStop)
  try {
    await startAndCatchUp(runtime, name, ctx)
  } catch (error) {
    throw await memberFailed(runtime, name, phase, error, ctx)
  } finally {
    undrain()
  }
  const latest = runtime.def.tlsSwitch!
  await saveSwitch(runtime, { ...latest, member: null, done: [...latest.done, name] })
  const tookMs = Date.now() - startedAt
  ctx.note(say(PHASE_WORDS[phase].done, { member: name, seconds: (tookMs / 1000).toFixed(1) }))
  return { member: name, phase, tookMs }
}

/** `etcdctl member update <id> --peer-urls=https://…`, asked of a healthy voter. */
async function updatePeerUrl(
  runtime: ClusterRuntime,
  name: string,
  ctx: ReportedContext,
): Promise<void> {
  const cluster = runtime.def.name
  const member = runtime.members.slot(name).spec
  const url = peerUrlOf(runtime.def, member)
  const facts = await readClusterFacts(runtime)
  const listed = listedMember(facts, name, url)
  if (!listed) {
    throw new EngineError('MEMBER_NOT_FOUND', `etcd does not list member ${name} of ${cluster}.`, {
      cluster,
      member: name,
    })
  }
  ctx.twin(
    await etcdctlTwin(runtime, allEndpoints(runtime), [
      'member',
      'update',
      listed.id,
      `--peer-urls=${url}`,
    ]),
  )
  await withVoterClient(
    runtime,
    facts,
    (client) =>
      callMembership(ctx, cluster, name, UNHEALTHY_WAIT_MS, () =>
        client.cluster.memberUpdate({ ID: toDecimalId(listed.id), peerURLs: [url] }),
      ),
    name,
  )
  ctx.note(say('note.peerUrlListed', { member: name, id: listed.id, url }))
}

/**
 * A member that did not come back: in the phases without a member update its earlier flags still
 * fit the cluster, so it is started with them again; the switch stays saved where it was, and
 * TLS_MEMBER_FAILED names the member with its last log lines.
 */
async function memberFailed(
  runtime: ClusterRuntime,
  name: string,
  phase: TlsSwitchPhase,
  error: unknown,
  ctx: ReportedContext,
): Promise<EngineError> {
  const cluster = runtime.def.name
  const slot = runtime.members.slot(name)
  const reason = error instanceof Error ? error.message : String(error)
  runtime.log.warn(
    { err: error, member: name, phase },
    'member did not come back during a TLS switch',
  )
  const logTail = await logTailOf(runtime, name, error)
  let reverted = false
  if (phase !== 'peers' && !ctx.signal.aborted) {
    try {
      await saveSwitch(runtime, { ...runtime.def.tlsSwitch!, member: null })
      if (slot.process.state !== 'running') await runtime.lifecycle.launch(slot, ctx)
      reverted = true
      ctx.note(say('note.earlierFlags', { member: name }))
    } catch (revertError) {
      runtime.log.error({ err: revertError, member: name }, 'starting a member again failed')
      ctx.note(say('note.earlierFlagsFailed', { member: name, error: String(revertError) }))
    }
  }
  return new EngineError(
    'TLS_MEMBER_FAILED',
    `${name} of ${cluster} did not come back in phase ${phase} of enabling TLS (${reason}); the switch stopped there${reverted ? ` and ${name} runs as before` : ''}. Continue enabling TLS once it is fixed.`,
    { cluster, member: name, phase, reverted, logTail },
  )
}

async function logTailOf(runtime: ClusterRuntime, name: string, error: unknown) {
  if (isEngineError(error) && (error.is('START_TIMEOUT') || error.is('MEMBER_CRASHED'))) {
    const tail = error.detail?.logTail
    if (tail && tail.length > 0) return tail
  }
  return runtime.members
    .slot(name)
    .log.readTail(LOG_TAIL_LINES)
    .catch((failure: unknown) => {
      runtime.log.warn({ err: failure, member: name }, 'reading the log tail failed')
      return []
    })
}

function saveSwitch(runtime: ClusterRuntime, tlsSwitch: TlsSwitch): Promise<void> {
  return runtime.saveDefinition({ ...runtime.def, tlsSwitch })
}
