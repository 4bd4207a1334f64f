import { Trans, useTranslation } from '../../i18n'
import type { ClusterView } from '../../../../shared/cluster'
import { PROBE_PREFIX, PROBE_RATE_PER_SECOND, type ProbeStats } from '../../../../shared/probe'
import { useApi } from '../shared/api-context'
import { BusyButton } from '../shared/busy-button'
import { ErrorMessage } from '../shared/error-message'
import { hasLiveMember } from '../shared/member-state'
import { useAction } from '../shared/use-action'
import { useProbeStats } from './use-probe-stats'

/**
 * The write probe ("availability meter") of a cluster: Start/Stop, and what it saw over the last
 * minute — writes that succeeded and failed, latency, rate and the last error — from its pushes.
 */
export function ProbePanel(props: { cluster: ClusterView }) {
  const cluster = props.cluster.definition.name
  const api = useApi()
  const { t } = useTranslation('probe')
  const { stats, ratePerSecond, take } = useProbeStats(cluster)
  const start = useAction(() => api.request('probe:start', { cluster }))
  const stop = useAction(() => api.request('probe:stop', { cluster }))
  const isRunning = stats?.isRunning ?? false
  const isUp = hasLiveMember(props.cluster)
  const run = async (action: typeof start) => {
    const result = await action.run()
    if (result.ok) take(result.value)
  }
  const failure = start.error ?? stop.error
  return (
    <section className="probe-panel" aria-labelledby="probe-panel-title">
      <div className="probe-panel__head">
        <h3 id="probe-panel-title">{t('panel.title')}</h3>
        {isRunning ? (
          <BusyButton isBusy={stop.isBusy} onClick={() => void run(stop)}>
            {t('panel.stop')}
          </BusyButton>
        ) : (
          <BusyButton isBusy={start.isBusy} disabled={!isUp} onClick={() => void run(start)}>
            {t('panel.start')}
          </BusyButton>
        )}
      </div>
      <p className="muted probe-panel__about">
        <Trans
          t={t}
          i18nKey="panel.about"
          values={{ rate: PROBE_RATE_PER_SECOND, prefix: PROBE_PREFIX }}
          components={{ code: <code /> }}
        />
      </p>
      {!isUp && !isRunning && <p className="muted">{t('panel.startCluster')}</p>}
      {failure && (
        <ErrorMessage
          error={failure}
          context={start.error ? t('panel.startFailed') : t('panel.stopFailed')}
          onDismiss={() => {
            start.clearError()
            stop.clearError()
          }}
        />
      )}
      {stats && <ProbeFigures stats={stats} ratePerSecond={ratePerSecond} />}
    </section>
  )
}

function ProbeFigures(props: { stats: ProbeStats; ratePerSecond: number | null }) {
  const { stats } = props
  const { t, i18n } = useTranslation('probe')
  const ms = (value: number | null) => (value === null ? '—' : t('panel.ms', { value }))
  return (
    <>
      <dl className="probe-figures" aria-label={t('panel.figures')}>
        <dt>{t('panel.ok')}</dt>
        <dd>{stats.ok.toLocaleString(i18n.language)}</dd>
        <dt>{t('panel.failed')}</dt>
        <dd className={stats.failed > 0 ? 'probe-figures__failed' : undefined}>
          {stats.failed.toLocaleString(i18n.language)}
        </dd>
        <dt>{t('panel.latency')}</dt>
        <dd>
          {ms(stats.p50Ms)} / {ms(stats.p99Ms)}
        </dd>
        <dt>{t('panel.rate')}</dt>
        <dd>
          {stats.isRunning && props.ratePerSecond !== null
            ? t('panel.writesPerSecond', { rate: props.ratePerSecond.toFixed(1) })
            : '—'}
        </dd>
        <dt>{t('panel.since')}</dt>
        <dd>{t('panel.totals', { ok: stats.totals.ok, failed: stats.totals.failed })}</dd>
      </dl>
      {!stats.isRunning && <p className="muted">{t('panel.stopped')}</p>}
      {stats.lastError && (
        <p className="probe-panel__error">
          <strong>{t('panel.lastError')}</strong> {stats.lastError}
        </p>
      )}
    </>
  )
}
