import type { SnapshotInfo } from '../../shared/maintenance'
import { formatBytes } from '../../shared/bytes'
import type { MaintenanceContext } from './maintenance-operation'
import { say } from './maintenance-words'
import { memberError, memberHandle, readCaughtUpStatus, withMemberClients } from './member-clients'
import { verifySnapshotFile } from './snapshot-check'
import type { SnapshotFiles } from './snapshot-files'
import { streamSnapshot } from './snapshot-stream'
import type { MaintenanceTarget } from './maintenance-target'

/** Why 1 MiB: a step per megabyte shows progress without flooding the window with updates. */
const PROGRESS_STEP_BYTES = 1024 * 1024

/**
 * Saves a snapshot of one member into the snapshots folder: its status first (revision, version),
 * then its Snapshot stream into a file, checked whole (SHA-256) before it is listed.
 */
export async function saveSnapshot(
  runtime: MaintenanceTarget,
  files: SnapshotFiles,
  member: string,
  ctx: MaintenanceContext,
): Promise<SnapshotInfo> {
  const cluster = runtime.def.name
  // Why no deadline: the stream lasts as long as the database takes; snapshot-stream bounds silence.
  return withMemberClients(
    runtime,
    async (members) => {
      const target = memberHandle(runtime, members, member)
      ctx.step(say('step.readingStatus', { member }))
      const status = await readCaughtUpStatus(target, runtime.log)
      const savedAt = new Date()
      const id = await files.newId(cluster, member, savedAt)
      const file = files.file(id)
      ctx.step(say('step.streamingSnapshot', { member, revision: status.revision }))
      let shown = 0
      const streamed = await streamSnapshot(target.client, file, (bytes) => {
        if (bytes - shown < PROGRESS_STEP_BYTES) return
        shown = bytes
        ctx.step(say('step.streamedBytes', { member, bytes: formatBytes(bytes) }))
      }).catch((error: unknown) => {
        throw memberError(target, 'snapshot', error)
      })
      ctx.step(say('step.checkingSnapshot', { snapshot: id }))
      await verifySnapshotFile(id, file)
      await files.describe(id, {
        cluster,
        member,
        savedAt: savedAt.toISOString(),
        revision: status.revision,
        etcdVersion: status.version,
      })
      ctx.note(
        say('note.snapshotSaved', {
          snapshot: id,
          member,
          bytes: formatBytes(streamed.bytes),
          revision: status.revision,
        }),
      )
      return files.info(id)
    },
    { callDeadlineMs: null },
  )
}
