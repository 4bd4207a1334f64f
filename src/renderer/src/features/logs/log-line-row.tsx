import type { CSSProperties } from 'react'
import type { LogLine } from '../../../../shared/logs'
import { fieldsText } from './log-buffer'

/** HH:MM:SS.mmm of an ISO time, as text. */
function shortTime(ts: string): string {
  return ts.length >= 23 ? ts.slice(11, 23) : ts
}

/** One log line: time, member (in the merged view), level, message and fields, as text. */
export function LogLineRow(props: {
  line: LogLine
  memberIndex: ReadonlyMap<string, number> | null
  style?: CSSProperties
}) {
  const { line, memberIndex, style } = props
  return (
    <div className={`log-line log-line--${line.level}`} style={style} title={line.raw}>
      <span className="log-line__time">{shortTime(line.ts)}</span>
      {memberIndex && (
        <span
          className={`log-line__member member-color-${(memberIndex.get(line.member) ?? 0) % 7}`}
        >
          {line.member}
        </span>
      )}
      <span className="log-line__level">{line.level}</span>
      <span className="log-line__msg">
        {line.level === 'raw' ? line.raw : line.msg}
        {line.level !== 'raw' && (
          <span className="log-line__fields"> {fieldsText(line.fields)}</span>
        )}
      </span>
    </div>
  )
}
