import type { EngineWords } from '../../shared/engine-words/engine-words'
import type { TlsChangeReport } from '../../shared/tls-switch'
import type { ClusterRuntime } from '../cluster/cluster-runtime'
import { runReported, type ReportedContext } from '../cluster/reported-operation'
import { EngineError } from '../errors/engine-error'
import { say } from '../maintenance/maintenance-words'
import type { ProbeMeter } from '../probe/probe-meter'
import { runEnableTls, type TlsChangeResult } from '../tls/enable-tls'
import { runRotateCertificates } from '../tls/rotate-certificates'

/** What TLS changes of running clusters need of the engine. */
export interface ClusterTlsChangesDeps {
  runtime: (cluster: string) => ClusterRuntime
  probes: ProbeMeter
  /** Every port of every cluster (a TLS switch's plain ports must not clash). */
  takenPorts: () => ReadonlySet<number>
}

/**
 * "Enable TLS" and "Rotate certificates" on running clusters: each one reported operation of its
 * cluster (refused while another runs), measured by the write probe, its commands kept.
 */
export class ClusterTlsChanges {
  constructor(private readonly deps: ClusterTlsChangesDeps) {}

  /** Turns TLS on for a running plain cluster, or continues a switch left half done. */
  enable(cluster: string): Promise<TlsChangeReport> {
    const runtime = this.running(cluster, 'turns TLS on member by member')
    const label = say(runtime.def.tlsSwitch ? 'label.continueTls' : 'label.enableTls', { cluster })
    return this.reported(runtime, 'enable-tls', label, (ctx) =>
      runEnableTls(
        runtime,
        {
          drain: (member) => this.deps.probes.drain(cluster, member),
          takenPorts: this.deps.takenPorts,
        },
        ctx,
      ),
    )
  }

  /** Issues new certificates from the cluster's CA and restarts members one by one. */
  rotate(cluster: string): Promise<TlsChangeReport> {
    const runtime = this.running(cluster, 'restarts members one by one with new certificates')
    return this.reported(
      runtime,
      'rotate-certificates',
      say('label.rotateCertificates', { cluster }),
      (ctx) =>
        runRotateCertificates(runtime, (member) => this.deps.probes.drain(cluster, member), ctx),
    )
  }

  private running(cluster: string, what: string): ClusterRuntime {
    const runtime = this.deps.runtime(cluster)
    if (!runtime.isActive()) {
      throw new EngineError(
        'CLUSTER_NOT_RUNNING',
        `Cluster ${cluster} is not running; this ${what}, so it needs a running cluster. Start it first.`,
        { cluster },
      )
    }
    return runtime
  }

  private async reported(
    runtime: ClusterRuntime,
    kind: 'enable-tls' | 'rotate-certificates',
    label: EngineWords,
    work: (ctx: ReportedContext) => Promise<TlsChangeResult>,
  ): Promise<TlsChangeReport> {
    let probe: TlsChangeReport['probe'] = null
    let commands: string[] = []
    const result = await runReported(
      runtime,
      this.deps.probes,
      { kind, label, policy: 'refuse' },
      work,
      (done) => {
        probe = done.probe
        commands = done.commands ?? []
      },
    )
    return { ...result, probe, commands }
  }
}
