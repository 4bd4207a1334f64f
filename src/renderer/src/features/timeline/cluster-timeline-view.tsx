import type { ClusterEvent } from '../../../../shared/cluster-events'
import { useTranslation } from '../../i18n'
import { ErrorMessage } from '../shared/error-message'
import { clockTime } from '../member-status/election-timeline'
import { eventWords } from './event-words'
import { useClusterTimeline } from './use-cluster-timeline'
import './cluster-timeline.css'

/** Events shown; the engine keeps 500 per cluster. */
const SHOWN_EVENTS = 200

/**
 * One timeline of the cluster (leader changes, member states, the user's actions), newest first,
 * in the Logs tab: it tells what happened, the lines below tell what etcd said about it.
 */
export function ClusterTimelineView(props: { cluster: string }) {
  const { t } = useTranslation('timeline')
  const { events, error } = useClusterTimeline(props.cluster)
  const shown = events.slice(0, SHOWN_EVENTS)
  return (
    <details className="cluster-timeline" open>
      <summary>{t('summary', { count: events.length })}</summary>
      <p className="muted cluster-timeline__intro">{t('intro')}</p>
      {error && <ErrorMessage error={error} context={t('loadError')} />}
      {shown.length === 0 ? (
        <p className="muted">{t('empty')}</p>
      ) : (
        <ol className="cluster-timeline__list" aria-label={t('title')}>
          {shown.map((e) => (
            <li
              key={e.seq}
              className={`cluster-timeline__item cluster-timeline__item--${e.kind}${
                e.outcome === 'failed' || e.state === 'crashed' ? ' is-bad' : ''
              }`}
              title={failureOf(e, eventWords(e, t))}
            >
              <time dateTime={e.at}>{clockTime(e.at)}</time>
              <span className="cluster-timeline__kind">{t(`kind.${e.kind}`)}</span>
              <span className="cluster-timeline__text">{eventWords(e, t)}</span>
              {e.kind === 'leader-change' && e.term && (
                <span className="muted">{t('leader.term', { term: e.term })}</span>
              )}
            </li>
          ))}
        </ol>
      )}
    </details>
  )
}

/**
 * A failed user action's line with why it failed, as the engine wrote it (the line itself shows
 * only "failed"): "Starting member etcd1: failed — port 2380 is in use"; undefined otherwise.
 */
function failureOf(event: ClusterEvent, line: string): string | undefined {
  const why = event.outcome === 'failed' ? /: failed — ([\s\S]*)$/.exec(event.text)?.[1] : null
  return why ? `${line} — ${why}` : undefined
}
