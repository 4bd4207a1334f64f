import { setTimeout } from 'node:timers/promises'
import { formatBytes } from '../../shared/bytes'
import type { FillReport } from '../../shared/maintenance'
import { FILL_PREFIX, FILL_VALUE_BYTES } from '../../shared/maintenance'
import type { ClusterRuntime } from '../cluster/cluster-runtime'
import { EngineError } from '../errors/engine-error'
import { isNoSpaceError } from '../keys/etcd-error-mapping'
import type { MaintenanceContext } from './maintenance-operation'
import { say } from './maintenance-words'
import { memberError, withMemberClients } from './member-clients'

/**
 * Why twice the quota: etcd raises NOSPACE once its backend passes the quota; written bytes
 * beyond twice the quota without it mean the alarm will not come, and the drill stops there.
 */
const FILL_LIMIT_FACTOR = 2

/**
 * Why 150 ms: etcd checks the quota against its backend file, which grows when a batch is
 * committed (every 100 ms, --backend-batch-interval). Past the quota, each write waits for that
 * commit, or a fast writer gets far beyond the quota before etcd notices.
 */
const PACE_PAST_QUOTA_MS = 150

/** Keys written between two progress steps shown in the window. */
const STEP_EVERY_KEYS = 5

/**
 * The NOSPACE drill's first half: writes ~100 KB values under FILL_PREFIX until etcd answers
 * "database space exceeded" (and raises the NOSPACE alarm), then stops. Only for clusters
 * created with a space quota. Writes go to one member without retries, so the refusal is seen.
 */
export function fillUntilNoSpace(
  runtime: ClusterRuntime,
  ctx: MaintenanceContext,
): Promise<FillReport> {
  const { name: cluster, quotaBackendBytes: quota } = runtime.def
  if (!quota) {
    throw new EngineError(
      'INVALID_REQUEST',
      `Cluster ${cluster} has no space quota: the NOSPACE drill needs a cluster created with a small "Space quota".`,
      { field: 'quotaBackendBytes' },
    )
  }
  return withMemberClients(runtime, async ([member]) => {
    if (!member) throw new Error('no running member')
    const value = Buffer.alloc(FILL_VALUE_BYTES, 0x78)
    const report: FillReport = {
      keysWritten: 0,
      bytesWritten: 0,
      alarmRaised: false,
      prefix: FILL_PREFIX,
    }
    ctx.step(say('step.filling', { bytes: formatBytes(FILL_VALUE_BYTES), prefix: FILL_PREFIX }))
    while (report.bytesWritten < quota * FILL_LIMIT_FACTOR) {
      const key = Buffer.from(`${FILL_PREFIX}${String(report.keysWritten).padStart(6, '0')}`)
      try {
        await member.client.kv.put({ key, value })
      } catch (error) {
        if (!isNoSpaceError(error)) throw memberError(member, 'put', error)
        report.alarmRaised = true
        break
      }
      report.keysWritten++
      report.bytesWritten += value.length
      if (report.bytesWritten >= quota) await setTimeout(PACE_PAST_QUOTA_MS)
      if (report.keysWritten % STEP_EVERY_KEYS === 0) {
        ctx.step(
          say('step.filled', {
            keys: report.keysWritten,
            bytes: formatBytes(report.bytesWritten),
          }),
        )
      }
    }
    const bytes = formatBytes(report.bytesWritten)
    ctx.note(
      report.alarmRaised
        ? say('note.fillRefused', { keys: report.keysWritten, bytes })
        : say('note.fillStopped', { bytes }),
    )
    return report
  })
}
