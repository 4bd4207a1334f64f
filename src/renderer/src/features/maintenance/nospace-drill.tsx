import { useId, useState } from 'react'
import type { ClusterStatus } from '../../../../shared/cluster'
import { FILL_PREFIX } from '../../../../shared/maintenance'
import {
  alarmCommand,
  compactCommand,
  defragCommands,
  deletePrefixCommand,
  putCommand,
} from '../../../../shared/maintenance-commands'
import type { Result } from '../../../../shared/result'
import { useApi } from '../shared/api-context'
import { encodeText, formatBytes, requestBytes } from '../shared/bytes'
import { CommandTwin } from './command-twin'
import { DrillStep } from './drill-step'
import type { AlarmsState } from './use-alarms'
import type { Twins } from './use-twins'

/** The key the last step writes to show writes work again (under the filler prefix: step 2 cleans it). */
const CHECK_KEY = `${FILL_PREFIX}after-recovery`
const CHECK_VALUE = 'written after the recovery'

/**
 * The NOSPACE drill, for clusters created with a space quota: fill the cluster until etcd refuses
 * writes, then recover step by step (delete, compact, defragment, disarm) and write again. Each
 * step says what it changed; the line above shows the DB size and alarms now.
 */
export function NoSpaceDrill(props: {
  cluster: string
  quota: number
  status: ClusterStatus | null
  alarms: AlarmsState
  twins: Twins | null
  onCompacted: (revision: string) => void
}) {
  const { cluster, alarms } = props
  const api = useApi()
  const ids = useId()
  const prefix = requestBytes(encodeText(FILL_PREFIX))
  const [compacted, setCompacted] = useState<string | null>(null)
  const largest = Math.max(0, ...(props.status?.members.map((m) => m.dbSize ?? 0) ?? []))
  const active = alarms.alarms ?? []
  /** Runs a step, then reads the alarms again: every step may have changed them. */
  const step =
    <T,>(request: () => Promise<Result<T>>, describe: (value: T) => string) =>
    async (): Promise<Result<string>> => {
      const result = await request()
      alarms.reload()
      return result.ok ? { ok: true, value: describe(result.value) } : result
    }
  const ctx = props.twins?.ctx
  return (
    <section className="maintenance-section" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>NOSPACE drill</h3>
      <p className="muted">
        This cluster has a space quota of {formatBytes(props.quota)} (
        <code>--quota-backend-bytes</code>
        ). Fill it until etcd refuses writes, then bring it back the way an operator would.
      </p>
      <p className="drill-now" role="status">
        Now: largest DB {formatBytes(largest)} of {formatBytes(props.quota)} · alarms:{' '}
        {active.length === 0 ? 'none' : active.map((a) => `${a.alarm} on ${a.member}`).join(', ')}
      </p>
      <ol className="drill-steps">
        <DrillStep
          label="1. Fill until NOSPACE"
          run={step(
            () => api.request('maintenance:fill', { cluster }),
            (r) =>
              `Wrote ${r.keysWritten} keys (${formatBytes(r.bytesWritten)}) under ${r.prefix}; ` +
              (r.alarmRaised
                ? 'etcd answered "database space exceeded" and raised NOSPACE.'
                : 'the quota was not reached.'),
          )}
        />
        <DrillStep
          label="2. Delete the filler keys"
          run={step(
            () => api.request('keys:delete-prefix', { cluster, prefix }),
            (r) =>
              `Deleted ${r.deleted} keys. The database keeps their space until compaction and defragmentation.`,
          )}
        />
        <DrillStep
          label="3. Compact"
          run={step(
            () => api.request('maintenance:compact', { cluster }),
            (r) => {
              setCompacted(r.revision)
              props.onCompacted(r.revision)
              return `History before revision ${r.revision} dropped: the old values' pages are free.`
            },
          )}
        />
        <DrillStep
          label="4. Defragment"
          run={step(
            () => api.request('maintenance:defragment', { cluster }),
            (r) =>
              r.steps
                .map(
                  (s) =>
                    `${s.member} ${formatBytes(s.before.dbSize)} → ${formatBytes(s.after.dbSize)}`,
                )
                .join(', ') + '. Writes still fail: the alarm stays until disarmed.',
          )}
        />
        <DrillStep
          label="5. Disarm"
          run={step(
            () => api.request('maintenance:disarm', { cluster }),
            (r) =>
              r.length === 0
                ? 'No alarm was active.'
                : `Disarmed ${r.map((a) => `${a.alarm} on ${a.member}`).join(', ')}.`,
          )}
        />
        <DrillStep
          label="6. Write a key"
          run={step(
            () =>
              api.request('keys:put', {
                cluster,
                key: requestBytes(encodeText(CHECK_KEY)),
                value: requestBytes(encodeText(CHECK_VALUE)),
              }),
            (r) => `The write succeeded at revision ${r.revision}.`,
          )}
        />
      </ol>
      {ctx && (
        <CommandTwin
          title="Steps 2 to 6 with etcdctl"
          commands={[
            deletePrefixCommand(ctx, FILL_PREFIX),
            compactCommand(ctx, compacted),
            ...defragCommands(ctx),
            alarmCommand(ctx, 'disarm'),
            putCommand(ctx, CHECK_KEY, CHECK_VALUE),
          ]}
        />
      )}
    </section>
  )
}
