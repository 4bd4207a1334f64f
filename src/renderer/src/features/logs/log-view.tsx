import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useRef } from 'react'
import type { LogLine } from '../../../../shared/logs'
import { fieldsText } from './log-buffer'

/** Height of one log row in pixels; rows never wrap, so every row has it (matches the CSS). */
const LOG_ROW_HEIGHT = 20

/** How close to the bottom (px) still counts as "at the end" for following. */
const FOLLOW_SLACK_PX = LOG_ROW_HEIGHT * 2

/** HH:MM:SS.mmm of an ISO time, as text. */
function shortTime(ts: string): string {
  return ts.length >= 23 ? ts.slice(11, 23) : ts
}

/** The log lines, virtualized: only the rows in sight exist in the page, however many are kept. */
export function LogView(props: {
  lines: readonly LogLine[]
  memberIndex: ReadonlyMap<string, number> | null
  isFollowing: boolean
  /** False while hidden: a hidden box cannot scroll, so following catches up when shown. */
  isVisible?: boolean
  onFollowingChange: (isFollowing: boolean) => void
}) {
  const { lines, memberIndex, isFollowing, isVisible = true, onFollowingChange } = props
  const scroller = useRef<HTMLDivElement>(null)
  // Why allowed: this build has no React Compiler, and TanStack Virtual is used as documented.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: lines.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => LOG_ROW_HEIGHT,
    overscan: 30,
  })
  useEffect(() => {
    if (isVisible && isFollowing && lines.length > 0)
      virtualizer.scrollToIndex(lines.length - 1, { align: 'end' })
  }, [isVisible, isFollowing, lines, virtualizer])
  const onScroll = () => {
    const el = scroller.current
    // A box being hidden scrolls to 0 on its own: that is no reason to stop following.
    if (!el || !isVisible) return
    const isAtEnd = el.scrollHeight - el.scrollTop - el.clientHeight <= FOLLOW_SLACK_PX
    if (isAtEnd !== isFollowing) onFollowingChange(isAtEnd)
  }
  return (
    <div
      ref={scroller}
      className="log-view"
      role="log"
      aria-live="off"
      aria-label="Log lines"
      tabIndex={0}
      onScroll={onScroll}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const line = lines[item.index] as LogLine
          return (
            <div
              key={item.key}
              className={`log-line log-line--${line.level}`}
              style={{ transform: `translateY(${item.start}px)` }}
              title={line.raw}
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
                {line.level === 'raw' ? line.raw : line.msg}
                {line.level !== 'raw' && (
                  <span className="log-line__fields"> {fieldsText(line.fields)}</span>
                )}
              </span>
            </div>
          )
        })}
      </div>
    </div>
  )
}
