import { useMemo } from 'react'
import type { LeaderChange } from '../../../../shared/cluster'
import type { ClusterEventKind } from '../../../../shared/cluster-events'
import { useTranslation } from '../../i18n'
import { EmptyState } from '../shared/empty-state'
import { ErrorMessage } from '../shared/error-message'
import { useClusterTimeline } from '../timeline/use-cluster-timeline'
import { EVENT_COLORS, fromLeaderChanges, fromTimeline } from './axis-events'
import { chartData, CHARTS, membersOf } from './metric-charts'
import { TimeChart } from './time-chart'
import { useMetrics } from './use-metrics'

const EVENT_KINDS = Object.keys(EVENT_COLORS) as ClusterEventKind[]

/**
 * The Metrics tab of a cluster or a connection: one chart per quantity, one line per member,
 * sampled by the engine only while `isActive`. Events come from the cluster timeline; where it
 * has none to give (a connection), from the leader changes of the status poll.
 */
export function MetricsPanel(props: {
  cluster: string
  isActive: boolean
  leaderChanges: readonly LeaderChange[]
}) {
  const { cluster, isActive, leaderChanges } = props
  const { t } = useTranslation('metrics')
  const { t: timelineT } = useTranslation('timeline')
  const { samples, intervalMs, error } = useMetrics(cluster, isActive)
  const timeline = useClusterTimeline(cluster)
  const events = useMemo(
    () =>
      timeline.error || timeline.events.length === 0
        ? fromLeaderChanges(leaderChanges, timelineT)
        : fromTimeline(timeline.events, timelineT),
    // Why timelineT: it changes with the window's language, and the marks are words.
    [timeline, leaderChanges, timelineT],
  )
  const members = useMemo(() => membersOf(samples), [samples])
  const hasProbe = samples.some((s) => s.probeP99Ms !== null)
  const charts = useMemo(
    () =>
      CHARTS.filter((c) => c.id !== 'probeP99Ms' || hasProbe).map((chart) => ({
        chart,
        data: chartData(samples, chart, members, intervalMs),
      })),
    [samples, members, intervalMs, hasProbe],
  )
  return (
    <section className="metrics-panel" aria-label={t('tab')}>
      <p className="metrics-panel__intro">{t('intro', { seconds: intervalMs / 1000 })}</p>
      <p className="metrics-panel__marks">
        {t('marks')}{' '}
        {EVENT_KINDS.map((kind) => (
          <span key={kind} className="metrics-panel__mark">
            <span
              className="metrics-panel__swatch"
              style={{ borderColor: EVENT_COLORS[kind] }}
              aria-hidden="true"
            />
            {t(`eventKinds.${kind}`)}
          </span>
        ))}
      </p>
      {error && <ErrorMessage error={error} context={t('failed', { cluster })} />}
      {samples.length === 0 ? (
        <EmptyState title={t('waiting')}>{t('waitingText')}</EmptyState>
      ) : (
        <div className="metrics-panel__grid">
          {charts.map(({ chart, data }) => (
            <TimeChart
              key={chart.id}
              title={t(`charts.${chart.id}`)}
              timeLabel={t('time')}
              syncKey={`metrics:${cluster}`}
              series={chart.id === 'probeP99Ms' ? [t('charts.probeP99Ms')] : members}
              data={data}
              format={chart.format}
              events={events}
            />
          ))}
        </div>
      )}
      {samples.length > 0 && !hasProbe && <p className="metrics-panel__note">{t('probeOff')}</p>}
    </section>
  )
}
