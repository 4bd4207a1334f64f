import type { ClusterOperationKind } from '../../shared/cluster'
import type { EngineWords } from '../../shared/engine-words/engine-words'
import { EngineError } from '../errors/engine-error'
import type { EngineLog } from '../log/engine-log'
import type { MaintenanceContext } from '../maintenance/maintenance-operation'
import type { MaintenanceTarget } from '../maintenance/maintenance-target'
import { english } from '../words/english'

/** An open connection as its maintenance sees it. */
export interface RemoteMaintenanceTarget {
  name: string
  readOnly: boolean
  target: MaintenanceTarget
  /** The version its members run (the lowest answering), or null before one answered. */
  version: string | null
  /** etcdctl's flags for its TLS files and user, for the commands the window shows. */
  etcdctlFlags: string[]
}

/** One maintenance action on a connected cluster. */
interface RemoteRequest {
  kind: ClusterOperationKind
  /** In words, for the log and for CLUSTER_BUSY: "Defragmenting team". */
  label: EngineWords
  /** True when it changes the cluster (refused on a read-only connection). */
  isChange: boolean
}

/**
 * The operation discipline of connected clusters' maintenance (snapshot save, defragment,
 * compact, alarms): one at a time per connection — a second is refused with CLUSTER_BUSY naming
 * the one running, checked and reserved before the first await — and, on a read-only connection,
 * every action that changes the cluster refused with READ_ONLY before anything is sent. Each
 * action's steps are logged with the connection's name.
 */
export class RemoteOperations {
  private readonly running = new Map<string, RemoteRequest>()

  constructor(private readonly log: EngineLog) {}

  /** Runs `work` as `request` on the connection, or refuses it. */
  async run<T>(
    remote: RemoteMaintenanceTarget,
    request: RemoteRequest,
    work: (ctx: MaintenanceContext) => Promise<T>,
  ): Promise<T> {
    const cluster = remote.name
    const label = english(request.label)
    if (request.isChange && remote.readOnly) {
      // Security: a read-only connection changes nothing; the user turns it off in its settings.
      throw new EngineError(
        'READ_ONLY',
        `Connection ${cluster} is read-only: etcd Desk did not start "${label}".`,
        { cluster },
      )
    }
    const busy = this.running.get(cluster)
    if (busy) {
      const busyLabel = english(busy.label)
      throw new EngineError(
        'CLUSTER_BUSY',
        `Connected cluster ${cluster} is busy: ${busyLabel}. Try again when it is done.`,
        { cluster, operation: busy.kind, label: busyLabel },
      )
    }
    this.running.set(cluster, request)
    const log = this.log.child({ connection: cluster, operation: request.kind })
    const ctx: MaintenanceContext = {
      step: (words) => log.info({ step: english(words) }, label),
      note: (words) => log.info({ note: english(words) }, label),
    }
    try {
      const value = await work(ctx)
      log.info(`${label} done`)
      return value
    } catch (error) {
      log.warn({ err: error }, `${label} failed`)
      throw error
    } finally {
      this.running.delete(cluster)
    }
  }
}
