import { Trans, useTranslation } from '../../i18n'
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
  const { t } = useTranslation('maintenance')
  const alarmOn = (a: { alarm: string; member: string }) =>
    t('drill.alarmOn', { alarm: a.alarm, member: a.member })
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
      <h3 id={`${ids}-title`}>{t('drill.title')}</h3>
      <p className="muted">
        <Trans
          t={t}
          i18nKey="drill.about"
          values={{ quota: formatBytes(props.quota) }}
          components={{ code: <code /> }}
        />
      </p>
      <p className="drill-now" role="status">
        {t('drill.now', {
          largest: formatBytes(largest),
          quota: formatBytes(props.quota),
          alarms: active.length === 0 ? t('drill.none') : active.map(alarmOn).join(', '),
        })}
      </p>
      <ol className="drill-steps">
        <DrillStep
          label={t('drill.step1')}
          run={step(
            () => api.request('maintenance:fill', { cluster }),
            (r) =>
              t('drill.wrote', {
                keys: r.keysWritten,
                size: formatBytes(r.bytesWritten),
                prefix: r.prefix,
                outcome: r.alarmRaised ? t('drill.raised') : t('drill.notReached'),
              }),
          )}
        />
        <DrillStep
          label={t('drill.step2')}
          run={step(
            () => api.request('keys:delete-prefix', { cluster, prefix }),
            (r) => t('drill.deleted', { count: r.deleted }),
          )}
        />
        <DrillStep
          label={t('drill.step3')}
          run={step(
            () => api.request('maintenance:compact', { cluster }),
            (r) => {
              setCompacted(r.revision)
              props.onCompacted(r.revision)
              return t('drill.compacted', { revision: r.revision })
            },
          )}
        />
        <DrillStep
          label={t('drill.step4')}
          run={step(
            () => api.request('maintenance:defragment', { cluster }),
            (r) =>
              t('drill.defragged', {
                sizes: r.steps
                  .map(
                    (s) =>
                      `${s.member} ${formatBytes(s.before.dbSize)} → ${formatBytes(s.after.dbSize)}`,
                  )
                  .join(', '),
              }),
          )}
        />
        <DrillStep
          label={t('drill.step5')}
          run={step(
            () => api.request('maintenance:disarm', { cluster }),
            (r) =>
              r.length === 0
                ? t('drill.noAlarm')
                : t('drill.disarmed', { alarms: r.map(alarmOn).join(', ') }),
          )}
        />
        <DrillStep
          label={t('drill.step6')}
          run={step(
            () =>
              api.request('keys:put', {
                cluster,
                key: requestBytes(encodeText(CHECK_KEY)),
                value: requestBytes(encodeText(CHECK_VALUE)),
              }),
            (r) => t('drill.written', { revision: r.revision }),
          )}
        />
      </ol>
      {ctx && (
        <CommandTwin
          title={t('drill.twin')}
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
