import { useVirtualizer } from '@tanstack/react-virtual'
import { useCallback, useEffect, useRef } from 'react'
import type { LogLine } from '../../../../shared/logs'
import { useTranslation } from '../../i18n'
import { LogExplanationNote } from './log-explanation'
import { LogLineRow } from './log-line-row'
import { explanationOf } from './line-explanations'

/** Height of one log line in pixels; lines never wrap, so every line has it (matches the CSS). */
const LOG_ROW_HEIGHT = 20

/** How close to the bottom (px) still counts as "at the end" for following. */
const FOLLOW_SLACK_PX = LOG_ROW_HEIGHT * 2

/**
 * First guess at the height of a line with an explanation under it; the row is then measured, since
 * the explanation wraps with the window's width.
 */
const EXPLAINED_ROW_ESTIMATE = LOG_ROW_HEIGHT * 4

/**
 * The log lines, virtualized: only the rows in sight exist in the page, however many are kept.
 * A line the catalogue explains (shared/log-explanations.ts) shows its explanation under it.
 */
export function LogView(props: {
  lines: readonly LogLine[]
  memberIndex: ReadonlyMap<string, number> | null
  /** Member names by hex ID, shown after the IDs in the lines. */
  memberNames?: ReadonlyMap<string, string>
  isFollowing: boolean
  /** False while hidden: a hidden box cannot scroll, so following catches up when shown. */
  isVisible?: boolean
  onFollowingChange: (isFollowing: boolean) => void
}) {
  const {
    lines,
    memberIndex,
    memberNames,
    isFollowing,
    isVisible = true,
    onFollowingChange,
  } = props
  const { t } = useTranslation('logs')
  const scroller = useRef<HTMLDivElement>(null)
  // Measured heights are kept per key: a line's own key keeps them right when older lines are
  // dropped or a filter changes which line sits at an index.
  const getItemKey = useCallback(
    (index: number) => {
      const line = lines[index] as LogLine
      return `${line.member}:${line.seq}`
    },
    [lines],
  )
  // Why allowed: this build has no React Compiler, and TanStack Virtual is used as documented.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: lines.length,
    getScrollElement: () => scroller.current,
    estimateSize: (index) =>
      explanationOf(lines[index] as LogLine) ? EXPLAINED_ROW_ESTIMATE : LOG_ROW_HEIGHT,
    getItemKey,
    overscan: 30,
  })
  // Explained lines are measured once drawn, which changes the total height after the scroll:
  // while following, scroll to the end again whenever it changes.
  const totalSize = virtualizer.getTotalSize()
  useEffect(() => {
    if (isVisible && isFollowing && lines.length > 0)
      virtualizer.scrollToIndex(lines.length - 1, { align: 'end' })
  }, [isVisible, isFollowing, lines, virtualizer, totalSize])
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
      aria-label={t('view.label')}
      tabIndex={0}
      onScroll={onScroll}
    >
      <div style={{ height: totalSize, position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const line = lines[item.index] as LogLine
          const explanation = explanationOf(line)
          const position = { transform: `translateY(${item.start}px)` }
          if (!explanation)
            return (
              <LogLineRow
                key={item.key}
                line={line}
                memberIndex={memberIndex}
                memberNames={memberNames}
                style={position}
              />
            )
          return (
            <div
              key={item.key}
              ref={virtualizer.measureElement}
              data-index={item.index}
              className="log-entry"
              style={position}
            >
              <LogLineRow line={line} memberIndex={memberIndex} memberNames={memberNames} />
              <LogExplanationNote explanation={explanation} />
            </div>
          )
        })}
      </div>
    </div>
  )
}
