import { useId } from 'react'
import { useTranslation } from '../../i18n'
import type { LevelFilter } from './log-buffer'

/** The level filter's choices, in order (labels in logs:toolbar.levels). */
const LEVELS: readonly LevelFilter[] = ['all', 'info', 'warn', 'error']

/** Follow/pause, level filter, text search, and copy/save of the lines in view. */
export function LogToolbar(props: {
  isFollowing: boolean
  onFollowingChange: (isFollowing: boolean) => void
  level: LevelFilter
  onLevelChange: (level: LevelFilter) => void
  search: string
  onSearchChange: (search: string) => void
  /** "Only explained lines": hides the lines the catalogue does not explain. */
  isOnlyExplained: boolean
  onOnlyExplainedChange: (isOnlyExplained: boolean) => void
  shownCount: number
  totalCount: number
  onCopy: () => void
  onSave: () => void
  copyOutcome: string
}) {
  const id = useId()
  const { t } = useTranslation('logs')
  const { t: tt } = useTranslation('timeline')
  return (
    <div className="toolbar" role="group" aria-label={t('toolbar.label')}>
      <button
        type="button"
        aria-pressed={props.isFollowing}
        className={props.isFollowing ? 'toggle is-on' : 'toggle'}
        onClick={() => props.onFollowingChange(!props.isFollowing)}
        title={t(props.isFollowing ? 'toolbar.following' : 'toolbar.paused')}
      >
        {t('toolbar.follow')}
      </button>
      <label htmlFor={`${id}-level`}>{t('toolbar.level')}</label>
      <select
        id={`${id}-level`}
        value={props.level}
        onChange={(e) => props.onLevelChange(e.target.value as LevelFilter)}
      >
        {LEVELS.map((level) => (
          <option key={level} value={level}>
            {t(`toolbar.levels.${level}`)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-search`}>{t('toolbar.search')}</label>
      <input
        id={`${id}-search`}
        type="search"
        placeholder={t('toolbar.searchPlaceholder')}
        value={props.search}
        onChange={(e) => props.onSearchChange(e.target.value)}
      />
      <label className="toolbar__check" title={tt('onlyExplainedHint')}>
        <input
          type="checkbox"
          checked={props.isOnlyExplained}
          onChange={(e) => props.onOnlyExplainedChange(e.target.checked)}
        />
        {tt('onlyExplained')}
      </label>
      <span className="toolbar__count">
        {t('toolbar.count', { shown: props.shownCount, count: props.totalCount })}
      </span>
      <span className="toolbar__spacer" />
      <button type="button" onClick={props.onCopy}>
        {t('toolbar.copy')}
      </button>
      <button type="button" onClick={props.onSave}>
        {t('toolbar.save')}
      </button>
      <span role="status" className="toolbar__note">
        {props.copyOutcome}
      </span>
    </div>
  )
}
