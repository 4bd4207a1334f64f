import type { LogExplanation } from '../../../../shared/log-explanations'
import './log-explanation.css'

/** The plain-words explanation under a log line the catalogue recognizes, with what to do. */
export function LogExplanationNote(props: { explanation: LogExplanation }) {
  const { title, meaning, action } = props.explanation
  return (
    <div role="note" aria-label="Explanation" className="log-explanation">
      <strong>{title}.</strong> {meaning}{' '}
      <span className="log-explanation__action">
        <strong>What to do:</strong> {action}
      </span>
    </div>
  )
}
