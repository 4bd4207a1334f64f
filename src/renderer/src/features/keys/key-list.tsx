import type { TFunction } from 'i18next'
import { useTranslation } from '../../i18n'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useRef } from 'react'
import type { KeyEntry } from '../../../../shared/keys'
import { isProbeKey, ProbeKeyTag } from '../probe/probe-key-tag'
import { displayBytes, equalBytes } from '../shared/bytes'

/** Height of one key row in pixels (matches the CSS). */
const KEY_ROW_HEIGHT = 28

/** Start loading the next page when this many rows from the end are in sight. */
const LOAD_AHEAD_ROWS = 40

/** The flat key list, virtualized; the next page loads as the end comes into sight. */
export function KeyList(props: {
  entries: readonly KeyEntry[]
  count: number | null
  hasMore: boolean
  isLoadingMore: boolean
  selectedKey: Uint8Array | null
  onSelect: (key: Uint8Array) => void
  onLoadMore: () => void
}) {
  const { entries, hasMore, onLoadMore } = props
  const scroller = useRef<HTMLDivElement>(null)
  const { t } = useTranslation('keys')
  // Why allowed: this build has no React Compiler, and TanStack Virtual is used as documented.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => KEY_ROW_HEIGHT,
    overscan: 20,
  })
  const items = virtualizer.getVirtualItems()
  const lastIndex = items.length > 0 ? (items[items.length - 1]?.index ?? 0) : 0
  const isNearEnd = lastIndex >= entries.length - LOAD_AHEAD_ROWS
  useEffect(() => {
    if (hasMore && isNearEnd && !props.isLoadingMore) onLoadMore()
  }, [hasMore, isNearEnd, props.isLoadingMore, onLoadMore])
  return (
    <div className="key-list">
      <p className="key-list__count" role="status">
        {countLabel(entries.length, props.count, t)}
      </p>
      <div ref={scroller} className="key-list__scroller">
        <ul
          style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
          aria-label={t('list.label')}
        >
          {items.map((item) => {
            const entry = entries[item.index] as KeyEntry
            const isSelected =
              props.selectedKey !== null && equalBytes(entry.key, props.selectedKey)
            const isProbe = isProbeKey(entry.key)
            return (
              <li
                key={item.key}
                className={`key-list__row${isProbe ? ' has-probe-tag' : ''}`}
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <button
                  type="button"
                  className={`key-button${isSelected ? ' is-selected' : ''}`}
                  aria-current={isSelected ? 'true' : undefined}
                  onClick={() => props.onSelect(entry.key)}
                >
                  <span className="key-button__key">{displayBytes(entry.key, 300)}</span>
                  <span className="key-button__meta" aria-hidden="true">
                    {t('list.rev', { revision: entry.modRevision })}
                  </span>
                </button>
                {isProbe && <ProbeKeyTag />}
              </li>
            )
          })}
        </ul>
      </div>
      {hasMore && (
        <button
          type="button"
          className="button--small"
          onClick={onLoadMore}
          disabled={props.isLoadingMore}
        >
          {props.isLoadingMore ? t('list.loadingMore') : t('list.loadMore')}
        </button>
      )}
    </div>
  )
}

/** "12 keys", "Showing 200 of 100,000 keys", or "Showing 200 keys (counting…)". */
function countLabel(shown: number, count: number | null, t: TFunction<'keys'>): string {
  if (count === null) return t('list.counting', { count: shown })
  if (shown === count) return t('list.count', { count })
  return t('list.showing', { shown, total: count })
}
