import { useTranslation } from '../../i18n'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useRef } from 'react'
import type { KeySearchMatch } from '../../../../shared/key-search'
import { displayBytes, equalBytes } from '../shared/bytes'

/** Row heights in pixels (match the CSS): a key alone, or a key with a line of its value. */
const KEY_ROW_HEIGHT = 28
const PREVIEW_ROW_HEIGHT = 46

/** The matches of a search, virtualized (a search may keep thousands); a click opens the key. */
export function SearchResults(props: {
  matches: readonly KeySearchMatch[]
  selectedKey: Uint8Array | null
  onSelect: (key: Uint8Array) => void
}) {
  const { matches } = props
  const scroller = useRef<HTMLDivElement>(null)
  const { t } = useTranslation('key-search')
  // Why allowed: this build has no React Compiler, and TanStack Virtual is used as documented.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: matches.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => (matches[i]?.preview ? PREVIEW_ROW_HEIGHT : KEY_ROW_HEIGHT),
    overscan: 20,
  })
  return (
    <div ref={scroller} className="search-results">
      <ul
        aria-label={t('results.label')}
        style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
      >
        {virtualizer.getVirtualItems().map((item) => {
          const match = matches[item.index] as KeySearchMatch
          const isSelected = props.selectedKey !== null && equalBytes(match.key, props.selectedKey)
          return (
            <li
              key={item.key}
              className="search-results__row"
              style={{ transform: `translateY(${item.start}px)`, height: item.size }}
            >
              <button
                type="button"
                className={`key-button search-results__button${isSelected ? ' is-selected' : ''}`}
                aria-current={isSelected ? 'true' : undefined}
                onClick={() => props.onSelect(match.key)}
              >
                <span className="key-button__key">{displayBytes(match.key, 300)}</span>
                <span className="key-button__meta">
                  {t('results.meta', {
                    where: t(`results.where.${match.matchedIn}`),
                    revision: match.modRevision,
                  })}
                </span>
                {match.preview !== null && (
                  <span className="search-results__preview">{match.preview}</span>
                )}
              </button>
            </li>
          )
        })}
      </ul>
    </div>
  )
}
