import { copyFile } from 'node:fs/promises'
import type {
  AlarmEntry,
  DefragReport,
  FillReport,
  HashKvReport,
  MaintenanceTools,
  SnapshotInfo,
} from '../../shared/maintenance'
import { usesEtcdutl } from '../../shared/maintenance-commands'
import type { EngineWords } from '../../shared/engine-words/engine-words'
import type { ClusterRuntime } from '../cluster/cluster-runtime'
import { RemoteOperations, type RemoteMaintenanceTarget } from '../connections/remote-operations'
import { EngineError } from '../errors/engine-error'
import type { EngineLog } from '../log/engine-log'
import { disarmAlarms, listAlarms } from '../maintenance/alarms'
import { ClusterRestore } from '../maintenance/cluster-restore'
import { compactCluster } from '../maintenance/compaction'
import { defragmentMembers } from '../maintenance/defragment'
import { checkConsistency } from '../maintenance/hash-check'
import { runMaintenance, type MaintenanceContext } from '../maintenance/maintenance-operation'
import { say } from '../maintenance/maintenance-words'
import { SnapshotFiles } from '../maintenance/snapshot-files'
import { saveSnapshot } from '../maintenance/snapshot-save'
import { fillUntilNoSpace } from '../maintenance/space-filler'
import type { ProbeMeter } from '../probe/probe-meter'
import { etcdctlTls } from '../membership/etcdctl-twin'
import { diskError } from '../releases/fs-errors'
import type { DataLayout } from '../store/data-layout'

/** Lets the user pick where to save a file (Electron's save dialog); null when they cancel. */
export type ChooseSavePath = (defaultName: string) => Promise<string | null>

/** What maintenance needs of the engine. */
export interface ClusterMaintenanceDeps {
  runtime: (cluster: string) => ClusterRuntime
  layout: DataLayout
  /** Measures what clients saw during each cluster-changing action. */
  probes: ProbeMeter
  log: EngineLog
  /** Absent in browser mode, where the window downloads snapshots instead. */
  chooseSavePath: ChooseSavePath | undefined
  /**
   * A saved connection's maintenance target (opened), or null at once for a local cluster: a
   * local action is then reserved before the first await, as every cluster operation is.
   */
  remote: (cluster: string) => Promise<RemoteMaintenanceTarget | null> | null
}

/**
 * The maintenance side of the engine: snapshots (save, list, delete, export, restore into a new
 * cluster), defragmentation, compaction, alarms, the NOSPACE drill and the consistency check.
 * Every action that changes a cluster runs as an operation of it and is reported as its last one.
 */
export class ClusterMaintenance {
  /** The create hook that restores a new cluster from a snapshot. */
  readonly restore: ClusterRestore
  private readonly files: SnapshotFiles
  /** The last compaction made through this engine, by cluster token (a re-created name starts over). */
  private readonly compactions = new Map<string, string>()
  /** Connected clusters' maintenance: one action at a time each, read-only respected. */
  private readonly remoteOperations: RemoteOperations

  constructor(private readonly deps: ClusterMaintenanceDeps) {
    this.files = new SnapshotFiles(deps.layout.snapshotsDir, deps.log)
    this.restore = new ClusterRestore(this.files, deps.layout)
    this.remoteOperations = new RemoteOperations(deps.log)
  }

  /** Saves a snapshot of one member (of a local or a connected cluster) into the snapshots folder. */
  async saveSnapshot(cluster: string, member: string): Promise<SnapshotInfo> {
    const pending = this.deps.remote(cluster)
    const remote = pending && (await pending)
    if (remote) {
      const request = {
        kind: 'snapshot-save' as const,
        label: say('label.snapshotSave', { member }),
      }
      return this.remoteOperations.run(remote, { ...request, isChange: false }, (ctx) =>
        saveSnapshot(remote.target, this.files, member, ctx),
      )
    }
    const runtime = this.deps.runtime(cluster)
    const request = {
      kind: 'snapshot-save' as const,
      label: say('label.snapshotSave', { member }),
      meter: { onlyIfRunning: true },
    }
    const measured = await runMaintenance(runtime, this.deps.probes, request, (ctx) =>
      saveSnapshot(runtime, this.files, member, ctx),
    )
    return measured.value
  }

  /** Saves a snapshot of one member inside an operation already running (an upgrade's first step). */
  snapshotWithin(
    runtime: ClusterRuntime,
    member: string,
    ctx: MaintenanceContext,
  ): Promise<SnapshotInfo> {
    return saveSnapshot(runtime, this.files, member, ctx)
  }

  /** Every saved snapshot, newest first. */
  snapshots(): Promise<SnapshotInfo[]> {
    return this.files.list()
  }

  /** Deletes a saved snapshot. */
  async deleteSnapshot(id: string): Promise<void> {
    await this.files.delete(id)
    this.deps.log.info({ snapshot: id }, 'snapshot deleted')
  }

  /** The file of a saved snapshot (browser mode's download), or SNAPSHOT_NOT_FOUND. */
  snapshotFile(id: string): Promise<string> {
    return this.files.existing(id)
  }

  /** "Save a copy…": copies a snapshot where the user chooses (Electron); FORBIDDEN elsewhere. */
  async exportSnapshot(id: string): Promise<{ path: string } | null> {
    const file = await this.files.existing(id)
    const choose = this.deps.chooseSavePath
    if (!choose) {
      throw new EngineError(
        'FORBIDDEN',
        'This etcd Desk cannot show a save dialog; download the snapshot instead.',
        { file },
      )
    }
    const path = await choose(id)
    if (path === null) return null
    await copyFile(file, path).catch((error: unknown) => {
      this.deps.log.warn({ err: error, snapshot: id, path }, 'saving a copy of a snapshot failed')
      throw diskError(error, `save a copy of ${id}`, path)
    })
    this.deps.log.info({ snapshot: id, path }, 'snapshot copied')
    return { path }
  }

  /** Defragments every member, followers first and the leader last, with sizes and probe counts. */
  async defragment(cluster: string): Promise<DefragReport> {
    const pending = this.deps.remote(cluster)
    const remote = pending && (await pending)
    if (remote) {
      const request = {
        kind: 'defragment' as const,
        label: say('label.defragmentConnected', { cluster }),
      }
      const steps = await this.remoteOperations.run(remote, { ...request, isChange: true }, (ctx) =>
        defragmentMembers(remote.target, ctx),
      )
      // No write probe runs against a cluster etcd Desk did not create.
      return { steps, probe: null }
    }
    const runtime = this.deps.runtime(cluster)
    const { value, probe } = await runMaintenance(
      runtime,
      this.deps.probes,
      { kind: 'defragment', label: say('label.defragment', { cluster }) },
      (ctx) => defragmentMembers(runtime, ctx),
    )
    return { steps: value, probe }
  }

  /** Compacts the history to `revision` (default: the current revision); answers the revision. */
  async compact(cluster: string, revision?: string): Promise<{ revision: string }> {
    const pending = this.deps.remote(cluster)
    const remote = pending && (await pending)
    if (remote) {
      const request = {
        kind: 'compact' as const,
        label: say('label.compactConnected', { cluster }),
        isChange: true,
      }
      const compacted = await this.remoteOperations.run(remote, request, (ctx) =>
        compactCluster(remote.target, revision, ctx),
      )
      return { revision: compacted }
    }
    const compacted = await this.run(
      cluster,
      'compact',
      say('label.compact', { cluster }),
      (r, ctx) => compactCluster(r, revision, ctx),
    )
    this.compactions.set(this.deps.runtime(cluster).def.token, compacted)
    return { revision: compacted }
  }

  /** The revision this engine last compacted the cluster to, or null. */
  compactRevision(cluster: string): string | null {
    return this.compactions.get(this.deps.runtime(cluster).def.token) ?? null
  }

  /** Every member's active alarms. */
  async alarms(cluster: string): Promise<AlarmEntry[]> {
    const pending = this.deps.remote(cluster)
    const remote = pending && (await pending)
    return listAlarms(remote?.target ?? this.deps.runtime(cluster))
  }

  /** Deactivates every active alarm; answers those it disarmed. */
  async disarm(cluster: string): Promise<AlarmEntry[]> {
    const pending = this.deps.remote(cluster)
    const remote = pending && (await pending)
    if (remote) {
      const request = { kind: 'disarm' as const, label: say('label.disarm', { cluster }) }
      return this.remoteOperations.run(remote, { ...request, isChange: true }, (ctx) =>
        disarmAlarms(remote.target, ctx),
      )
    }
    return this.run(cluster, 'disarm', say('label.disarm', { cluster }), disarmAlarms)
  }

  /** Every member's hash of the keyspace at one revision. */
  async hashKv(cluster: string): Promise<HashKvReport> {
    const pending = this.deps.remote(cluster)
    const remote = pending && (await pending)
    return checkConsistency(remote?.target ?? this.deps.runtime(cluster))
  }

  /** The NOSPACE drill: fills the cluster until etcd refuses a write for lack of space. */
  fill(cluster: string): Promise<FillReport> {
    return this.run(cluster, 'fill', say('label.fill', { cluster }), fillUntilNoSpace)
  }

  /** The etcdctl and etcdutl of the cluster's version, for the commands the window shows. */
  async tools(cluster: string): Promise<MaintenanceTools> {
    const pending = this.deps.remote(cluster)
    const remote = pending && (await pending)
    if (remote) {
      // etcd Desk has no binary of a connected cluster's version: the etcdctl on the PATH.
      return {
        version: remote.version ?? 'unknown',
        etcdctl: 'etcdctl',
        etcdctlTls: remote.etcdctlFlags,
        etcdutl: remote.version && usesEtcdutl(remote.version) ? 'etcdutl' : null,
        snapshotsDir: this.files.dir,
      }
    }
    const runtime = this.deps.runtime(cluster)
    const { binary } = await runtime.plan()
    return {
      version: binary.version,
      etcdctl: binary.etcdctl,
      etcdctlTls: etcdctlTls(runtime),
      etcdutl: binary.etcdutl,
      snapshotsDir: this.files.dir,
    }
  }

  private async run<T>(
    cluster: string,
    kind: 'compact' | 'disarm' | 'fill',
    label: EngineWords,
    work: (runtime: ClusterRuntime, ctx: MaintenanceContext) => Promise<T>,
  ): Promise<T> {
    const runtime = this.deps.runtime(cluster)
    const measured = await runMaintenance(runtime, this.deps.probes, { kind, label }, (ctx) =>
      work(runtime, ctx),
    )
    return measured.value
  }
}
