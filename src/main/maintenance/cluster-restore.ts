import { rm } from 'node:fs/promises'
import type { ClusterSpec, OperationReport } from '../../shared/cluster'
import type { EngineWords } from '../../shared/engine-words/engine-words'
import type { RestoreTarget } from '../../shared/maintenance-commands'
import type { ClusterRuntime } from '../cluster/cluster-runtime'
import type { EtcdBinary } from '../etcd/etcd-binary'
import type { DataLayout } from '../store/data-layout'
import { operationReport } from '../cluster/reported-operation'
import { say } from './maintenance-words'
import { call, withMemberClients } from './member-clients'
import { verifySnapshotFile } from './snapshot-check'
import type { SnapshotFiles } from './snapshot-files'
import {
  assertRestoreTarget,
  restoreCommand,
  restoreMember,
  restoreToolOf,
} from './snapshot-restore'

/** What a restore did, for the report written once the cluster has started. */
export interface RestoreRecord {
  label: EngineWords
  startedAt: string
  steps: EngineWords[]
  /** The revision the snapshot was saved at, when its metadata says. */
  savedRevision: string | null
}

/**
 * Creates a cluster from a saved snapshot (ETCD-OPS-FACTS §5.1): every member's data dir is
 * restored from the same file, each with its own --name and peer URL and the new cluster's
 * token, before the first start. A restored cluster then starts like a new one.
 */
export class ClusterRestore {
  constructor(
    private readonly files: SnapshotFiles,
    private readonly layout: DataLayout,
  ) {}

  /**
   * Checks before anything is saved, so a refusal leaves nothing behind: the snapshot exists and
   * is whole (SNAPSHOT_NOT_FOUND, SNAPSHOT_INVALID), the version's tool is there, and no member
   * data dir exists yet (RESTORE_TARGET_NOT_EMPTY).
   */
  async check(spec: ClusterSpec, binary: EtcdBinary): Promise<void> {
    const id = spec.fromSnapshot
    if (!id) return
    restoreToolOf(binary)
    await verifySnapshotFile(id, await this.files.existing(id))
    // A new cluster's members use their names as folders (DataLayout.memberDataDir).
    for (const m of spec.members)
      await assertRestoreTarget(this.layout.memberDataDir(spec.name, m.name))
  }

  /** Restores every member's data dir, as an operation of the new (not yet started) cluster. */
  restore(runtime: ClusterRuntime, binary: EtcdBinary): Promise<RestoreRecord> {
    const def = runtime.def
    const id = def.fromSnapshot ?? ''
    const label = say('label.restore', { cluster: def.name, snapshot: id })
    const record: RestoreRecord = {
      label,
      startedAt: new Date().toISOString(),
      steps: [],
      savedRevision: null,
    }
    const work = async (step: (words: EngineWords) => void): Promise<void> => {
      const info = await this.files.info(id)
      record.savedRevision = info.revision
      const tool = restoreToolOf(binary)
      // The view holds what the members will run with: data dirs and advertised peer URLs.
      const targets: RestoreTarget[] = runtime
        .view()
        .members.map((m) => ({ name: m.name, peerUrl: m.peerUrl, dataDir: m.dataDir }))
      const done: RestoreTarget[] = []
      try {
        for (const target of targets) {
          step(say('step.restoringData', { member: target.name }))
          await restoreMember(tool, info, target, targets, def.token)
          done.push(target)
          const command = restoreCommand(tool, info.file, target, targets, def.token)
          record.steps.push(say('step.command', { command }))
        }
      } catch (error) {
        // All members or none: a half-restored cluster would start members on empty data.
        await Promise.all(done.map((t) => rm(t.dataDir, { recursive: true, force: true })))
        throw error
      }
    }
    return runtime.runOperation({ kind: 'create', label, policy: 'refuse' }, async (op) => {
      await work((words) => {
        record.steps.push(words)
        op.step(words)
      })
      // Shown until the first start's check replaces it (also when that start fails).
      runtime.setLastOperation(
        reportOf(record, [...record.steps, say('note.restoredNotStarted')], null),
      )
      return record
    })
  }

  /** After the first start: how many keys at which revision, recorded as the cluster's last operation. */
  async verify(runtime: ClusterRuntime, record: RestoreRecord): Promise<void> {
    const steps = [...record.steps, say('note.startedEveryMember')]
    let error: string | null = null
    try {
      const { count, revision } = await countKeys(runtime)
      const saved = record.savedRevision
      steps.push(
        saved
          ? say('note.restoredKeysSaved', { keys: count, revision, saved })
          : say('note.restoredKeys', { keys: count, revision }),
      )
      if (saved && BigInt(revision) < BigInt(saved)) {
        error = `the restored revision ${revision} is older than the snapshot's ${saved}`
      }
    } catch (failure) {
      runtime.log.warn({ err: failure }, 'could not check the restored keys')
      error = `could not check the restored keys: ${(failure as Error).message}`
    }
    runtime.setLastOperation(reportOf(record, steps, error))
  }
}

/** The report of a restore: its steps so far and how it ended. */
function reportOf(
  record: RestoreRecord,
  steps: EngineWords[],
  error: string | null,
): OperationReport {
  return operationReport('create', record.label, steps, {
    startedAt: record.startedAt,
    endedAt: new Date().toISOString(),
    isSuccess: error === null,
    probe: null,
    error,
  })
}

/** Every key of the cluster counted (count only, no values) and the revision it was read at. */
async function countKeys(runtime: ClusterRuntime): Promise<{ count: string; revision: string }> {
  return withMemberClients(runtime, async ([member]) => {
    if (!member) throw new Error('no running member')
    // key "\0" with range_end "\0" is etcd's "every key" range.
    const all = Buffer.from([0])
    const answer = await call(member, 'range', () =>
      member.client.kv.range({ key: all, range_end: all, count_only: true }),
    )
    return { count: answer.count, revision: answer.header.revision }
  })
}
