import type { LeaderChange } from '../../../../shared/cluster'

/** Most recent elections shown; the engine keeps 50. */
const SHOWN_CHANGES = 20

/** A time as HH:MM:SS in the user's locale. */
export function clockTime(iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleTimeString()
}

/** The election timeline: who became leader when, newest first, the latest highlighted. */
export function ElectionTimeline(props: { changes: readonly LeaderChange[] }) {
  const shown = [...props.changes].reverse().slice(0, SHOWN_CHANGES)
  return (
    <section className="timeline" aria-labelledby="election-timeline-title">
      <h3 id="election-timeline-title">Leader elections</h3>
      {shown.length === 0 ? (
        <p className="muted">
          No leader seen yet. Start the cluster to watch the members elect one.
        </p>
      ) : (
        <ol className="timeline__list">
          {shown.map((c, i) => (
            <li
              key={`${c.at}|${c.to}`}
              className={i === 0 ? 'timeline__item is-latest' : 'timeline__item'}
            >
              <time dateTime={c.at}>{clockTime(c.at)}</time>
              <span>
                {c.from ? (
                  <>
                    <strong>{c.to ?? 'none'}</strong> took over from {c.from}
                  </>
                ) : (
                  <>
                    <strong>{c.to ?? 'none'}</strong> elected leader
                  </>
                )}
              </span>
              {c.term && <span className="muted">term {c.term}</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
