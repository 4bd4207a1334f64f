import type { ClusterRuntime } from '../cluster/cluster-runtime'
import { runReported } from '../cluster/reported-operation'
import type { EngineWords } from '../../shared/engine-words/engine-words'
import type { EngineLog } from '../log/engine-log'
import { say } from '../maintenance/maintenance-words'
import { allEndpoints, etcdctlTwin } from '../membership/etcdctl-twin'
import type { ProbeMeter } from '../probe/probe-meter'
import { english } from '../words/english'
import type { AuthSwitchReport } from './auth-switch'

/** Turning authentication on or off: the two auth changes that are operations of the cluster. */
export type AuthSwitchKind = 'auth-enable' | 'auth-disable'

/**
 * Why unmeasured: turning auth on makes every client without a user fail by design (the probe's
 * own client is given root's credentials right after), so its failed writes would count the
 * switch itself, not what a client with credentials saw. The report then has no probe counts.
 */
const UNMEASURED: ProbeMeter = {
  begin: () => Promise.resolve({ end: () => Promise.resolve(null) }),
  drain: () => Promise.resolve(() => undefined),
}

function labelOf(kind: AuthSwitchKind, cluster: string): EngineWords {
  switch (kind) {
    case 'auth-enable':
      return say('label.authEnable', { cluster })
    case 'auth-disable':
      return say('label.authDisable', { cluster })
  }
}

/**
 * Runs turning authentication on or off as an operation of the cluster, like a membership
 * change: shown in `ClusterView.operation` with its step, refused with CLUSTER_BUSY while another
 * operation runs (and the other way round), and kept as the cluster's last operation with each
 * etcd call's etcdctl twin — the cluster's etcdctl, endpoints and TLS flags, `--user=root` while
 * auth is on (never a password: etcdctl prompts for it).
 */
export async function runAuthSwitch<T>(
  runtime: ClusterRuntime,
  kind: AuthSwitchKind,
  log: EngineLog,
  work: (report: AuthSwitchReport) => Promise<T>,
): Promise<T> {
  const label = labelOf(kind, runtime.def.name)
  try {
    return await runReported(runtime, UNMEASURED, { kind, label, policy: 'refuse' }, (ctx) =>
      work({
        etcdctl: async (args) => {
          const command = { args: args.join(' ') }
          ctx.step(say('step.etcdctl', command))
          ctx.note(say('note.etcdctl', command))
          ctx.twin(await etcdctlTwin(runtime, allEndpoints(runtime), args))
        },
        note: (words) => ctx.note(words),
      }),
    )
  } catch (error) {
    log.warn({ err: error, cluster: runtime.def.name, operation: kind }, `${english(label)} failed`)
    throw error
  }
}
