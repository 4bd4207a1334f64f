import type { TlsRestart } from '../../shared/tls-switch'
import type { ClusterRuntime } from '../cluster/cluster-runtime'
import type { ReportedContext } from '../cluster/reported-operation'
import { EngineError } from '../errors/engine-error'
import { say } from '../maintenance/maintenance-words'
import { startAndCatchUp, stopDrained, type Drain } from '../rolling/member-restart'
import { handOver, nextInRollingOrder } from '../rolling/rolling-order'
import { memberFolder } from '../store/data-layout'
import { assertReadyForUpgrade } from '../upgrade/upgrade-preflight'
import { issueClientCertificates, issueMemberCertificates } from './cluster-certificates'
import type { TlsChangeResult } from './enable-tls'
import { assertNoTlsSwitch } from './tls-switch-guards'

/**
 * "Rotate certificates" of a TLS cluster: new client certificates for the engine and etcdctl,
 * then member by member (followers first, the leader last after handing over) a stop, new server
 * and peer certificates from the same CA written while it is stopped, a start and a catch-up.
 * Why restart although etcd reads its certificate files at every new handshake: connections
 * opened with the old certificate (peer streams, gRPC clients) last until the member restarts.
 */
export async function runRotateCertificates(
  runtime: ClusterRuntime,
  drain: Drain,
  ctx: ReportedContext,
): Promise<TlsChangeResult> {
  const cluster = runtime.def.name
  if (!runtime.def.tls) {
    throw new EngineError(
      'TLS_OFF',
      `Cluster ${cluster} does not use TLS; it has no certificates to rotate.`,
      { cluster },
    )
  }
  assertNoTlsSwitch(runtime, 'rotating certificates')
  await assertReadyForUpgrade(runtime, ctx, 'rotating certificates')
  ctx.step(say('step.issuingClientCertificates'))
  await issueClientCertificates(runtime.layout, runtime.def)
  await runtime.reloadSecurity()
  ctx.note(say('note.newClientCertificates'))
  const restarts: TlsRestart[] = []
  const done: string[] = []
  for (;;) {
    const todo = runtime.def.members.filter((m) => !done.includes(m.name)).map((m) => m.name)
    const next = await nextInRollingOrder(runtime, todo)
    if (!next) break
    const startedAt = Date.now()
    if (next.isLeader) await handOver(runtime, next.name, (m) => done.includes(m), ctx)
    ctx.step(say('step.restartingWithNewCertificates', { member: next.name }))
    const member = runtime.members.slot(next.name).spec
    // Written while the member is stopped: it never reads a new certificate with an old key.
    const undrain = await stopDrained(runtime, next.name, drain, ctx)
    try {
      await issueMemberCertificates(runtime.layout, runtime.def, member)
      ctx.note(
        say('note.newMemberCertificates', { member: next.name, folder: memberFolder(member) }),
      )
      await startAndCatchUp(runtime, next.name, ctx)
    } finally {
      undrain()
    }
    done.push(next.name)
    restarts.push({ member: next.name, phase: 'rotate', tookMs: Date.now() - startedAt })
  }
  return { cluster, kind: 'rotate', restarts, plainPorts: [] }
}
