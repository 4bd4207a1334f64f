import type { ClusterDefinition } from '../../shared/cluster'
import { memberVersionOf } from '../../shared/cluster-rules'
import {
  sharesClientPortSafely,
  type TlsChangeReport,
  type TlsRestart,
  type TlsSwitch,
} from '../../shared/tls-switch'
import type { ClusterRuntime } from '../cluster/cluster-runtime'
import type { ReportedContext } from '../cluster/reported-operation'
import { freePorts } from '../membership/free-port-pair'
import { say } from '../maintenance/maintenance-words'
import type { Drain } from '../rolling/member-restart'
import { nextInRollingOrder } from '../rolling/rolling-order'
import { assertReadyForUpgrade } from '../upgrade/upgrade-preflight'
import { createClusterCertificates } from './cluster-certificates'
import { assertCanEnableTls } from './tls-switch-guards'
import { moveMemberThroughPhase } from './tls-member-move'

/** What a TLS change needs of the engine. */
export interface TlsChangeDeps {
  /** Takes a member out of the write probe before it is stopped on purpose. */
  drain: Drain
  /** Every port of every cluster: a plain port of its own must not clash with any. */
  takenPorts: () => ReadonlySet<number>
}

/** A TLS change's result, before the probe's counts and the commands are added. */
export type TlsChangeResult = Omit<TlsChangeReport, 'probe' | 'commands'>

/**
 * "Enable TLS" on a running plain cluster without losing a write (ETCD-OPS-FACTS §1.4): makes
 * the cluster's CA and certificates, then rolls every member through three phases — certificates
 * with https next to http, https peer URLs (member update, then a restart), https only — one
 * member at a time, followers first and the leader last after handing leadership over. Clients
 * (the engine's, the probe's) keep http until every peer URL is https. Saved member by member in
 * the definition: started again (after a failure or an engine crash), it continues.
 */
export async function runEnableTls(
  runtime: ClusterRuntime,
  deps: TlsChangeDeps,
  ctx: ReportedContext,
): Promise<TlsChangeResult> {
  assertCanEnableTls(runtime)
  await assertReadyForUpgrade(runtime, ctx, 'enabling TLS')
  if (!runtime.def.tlsSwitch) await beginSwitch(runtime, deps, ctx)
  else ctx.note(say('note.continuingTls', { phase: runtime.def.tlsSwitch.phase }))
  const plainPorts = runtime.def.members.flatMap((m) =>
    m.plainClientPort === undefined ? [] : [{ member: m.name, port: m.plainClientPort }],
  )
  const restarts: TlsRestart[] = []
  for (;;) {
    const change = runtime.def.tlsSwitch
    if (!change) break
    const todo = runtime.def.members.filter((m) => !change.done.includes(m.name))
    const next =
      change.member !== null
        ? { name: change.member, isLeader: runtime.status()?.leaderName === change.member }
        : await nextInRollingOrder(
            runtime,
            todo.map((m) => m.name),
          )
    if (next) restarts.push(await moveMemberThroughPhase(runtime, next, deps.drain, ctx))
    else await endPhase(runtime, change, ctx)
  }
  ctx.note(say('note.tlsEverywhere', { cluster: runtime.def.name }))
  return { cluster: runtime.def.name, kind: 'enable', restarts, plainPorts }
}

/**
 * Makes the cluster's certificates and saves the switch's first phase. Members on an etcd whose
 * one port cannot serve http and https together get a plain port of their own for the switch.
 */
async function beginSwitch(
  runtime: ClusterRuntime,
  deps: TlsChangeDeps,
  ctx: ReportedContext,
): Promise<void> {
  const def = runtime.def
  ctx.step(say('step.makingCertificates'))
  await createClusterCertificates(runtime.layout, def)
  ctx.note(say('note.madeCertificates'))
  const racy = def.members.filter((m) => !sharesClientPortSafely(memberVersionOf(def, m)))
  const ports = await freePorts(def.host, deps.takenPorts(), racy.length)
  const plainPort = new Map(racy.map((m, i) => [m.name, ports[i]!]))
  for (const [member, port] of plainPort) {
    const version = memberVersionOf(
      def,
      def.members.find((m) => m.name === member)!,
    )
    ctx.note(say('note.plainPort', { member, version, port }))
  }
  const tlsSwitch: TlsSwitch = {
    phase: 'material',
    done: [],
    member: null,
    startedAt: new Date().toISOString(),
  }
  await runtime.saveDefinition({
    ...def,
    tlsSwitch,
    members: def.members.map((m) =>
      plainPort.has(m.name) ? { ...m, plainClientPort: plainPort.get(m.name)! } : m,
    ),
  })
}

/** Every member is through the phase: the next phase begins, or the switch ends. */
async function endPhase(
  runtime: ClusterRuntime,
  change: TlsSwitch,
  ctx: ReportedContext,
): Promise<void> {
  const def = runtime.def
  switch (change.phase) {
    case 'material':
      ctx.note(say('note.materialDone'))
      await runtime.saveDefinition({ ...def, tlsSwitch: { ...change, phase: 'peers', done: [] } })
      return
    case 'peers':
      ctx.note(say('note.peersDone'))
      ctx.step(say('step.switchingClients'))
      // tls: true moves every client (status, keys, probe, etcdctl twins) to https in one step.
      await runtime.saveDefinition({
        ...def,
        tls: true,
        tlsSwitch: { ...change, phase: 'https-only', done: [] },
      })
      await runtime.lifecycle.pollQuietly()
      return
    case 'https-only':
      await runtime.saveDefinition(finished(def))
      return
  }
}

/** The definition once the switch is over: TLS on, no switch, no plain ports. */
function finished(def: ClusterDefinition): ClusterDefinition {
  return {
    ...def,
    tls: true,
    tlsSwitch: null,
    members: def.members.map(({ plainClientPort: _dropped, ...member }) => member),
  }
}
