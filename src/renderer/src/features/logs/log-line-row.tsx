import type { CSSProperties } from 'react'
import type { LogLine } from '../../../../shared/logs'
import { nameMemberIds } from '../../../../shared/member-id-names'
import { fieldsText } from './log-buffer'

const NO_NAMES: ReadonlyMap<string, string> = new Map()

/** HH:MM:SS.mmm of an ISO time, as text. */
function shortTime(ts: string): string {
  return ts.length >= 23 ? ts.slice(11, 23) : ts
}

/**
 * One log line: time, member (in the merged view), level, message and fields, as text. Member IDs
 * are followed by the member's name ("8e9e05c52164694d (etcd1)"); the tooltip keeps the raw line.
 */
export function LogLineRow(props: {
  line: LogLine
  memberIndex: ReadonlyMap<string, number> | null
  /** Member names by hex ID (empty: IDs are shown as etcd wrote them). */
  memberNames?: ReadonlyMap<string, string>
  style?: CSSProperties
}) {
  const { line, memberIndex, style } = props
  const names = props.memberNames ?? NO_NAMES
  // Why translate="no": these are etcd's own words; a browser's page translation must not change them.
  return (
    <div
      className={`log-line log-line--${line.level}`}
      style={style}
      title={line.raw}
      translate="no"
    >
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
        {nameMemberIds(line.level === 'raw' ? line.raw : line.msg, names)}
        {line.level !== 'raw' && (
          <span className="log-line__fields"> {nameMemberIds(fieldsText(line.fields), names)}</span>
        )}
      </span>
    </div>
  )
}
