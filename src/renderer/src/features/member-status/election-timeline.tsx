import type { LeaderChange } from '../../../../shared/cluster'
import { i18n, Trans, useTranslation } from '../../i18n'

/** Most recent elections shown; the engine keeps 50. */
const SHOWN_CHANGES = 20

/** A time as HH:MM:SS in the user's locale. */
export function clockTime(iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleTimeString(i18n.language)
}

/** The election timeline: who became leader when, newest first, the latest highlighted. */
export function ElectionTimeline(props: { changes: readonly LeaderChange[] }) {
  const shown = [...props.changes].reverse().slice(0, SHOWN_CHANGES)
  const { t } = useTranslation('member-status')
  return (
    <section className="timeline" aria-labelledby="election-timeline-title">
      <h3 id="election-timeline-title">{t('timeline.title')}</h3>
      {shown.length === 0 ? (
        <p className="muted">{t('timeline.none')}</p>
      ) : (
        <ol className="timeline__list">
          {shown.map((c, i) => (
            <li
              key={`${c.at}|${c.to}`}
              className={i === 0 ? 'timeline__item is-latest' : 'timeline__item'}
            >
              <time dateTime={c.at}>{clockTime(c.at)}</time>
              <span>
                <Trans
                  t={t}
                  i18nKey={c.from ? 'timeline.tookOver' : 'timeline.elected'}
                  values={{ to: c.to ?? t('timeline.nobody'), from: c.from ?? '' }}
                  components={{ strong: <strong /> }}
                />
              </span>
              {c.term && <span className="muted">{t('timeline.term', { term: c.term })}</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
