import { useId } from 'react'
import type { LevelFilter } from './log-buffer'

const LEVELS: { value: LevelFilter; label: string }[] = [
  { value: 'all', label: 'All levels' },
  { value: 'info', label: 'Info and above' },
  { value: 'warn', label: 'Warnings and errors' },
  { value: 'error', label: 'Errors only' },
]

/** Follow/pause, level filter, text search, and copy/save of the lines in view. */
export function LogToolbar(props: {
  isFollowing: boolean
  onFollowingChange: (isFollowing: boolean) => void
  level: LevelFilter
  onLevelChange: (level: LevelFilter) => void
  search: string
  onSearchChange: (search: string) => void
  shownCount: number
  totalCount: number
  onCopy: () => void
  onSave: () => void
  copyOutcome: string
}) {
  const id = useId()
  return (
    <div className="toolbar" role="group" aria-label="Log tools">
      <button
        type="button"
        aria-pressed={props.isFollowing}
        className={props.isFollowing ? 'toggle is-on' : 'toggle'}
        onClick={() => props.onFollowingChange(!props.isFollowing)}
        title={
          props.isFollowing
            ? 'Showing new lines as they arrive; click to pause'
            : 'Paused; click to follow new lines'
        }
      >
        Follow
      </button>
      <label htmlFor={`${id}-level`}>Level</label>
      <select
        id={`${id}-level`}
        value={props.level}
        onChange={(e) => props.onLevelChange(e.target.value as LevelFilter)}
      >
        {LEVELS.map((l) => (
          <option key={l.value} value={l.value}>
            {l.label}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-search`}>Search</label>
      <input
        id={`${id}-search`}
        type="search"
        placeholder="text in the line"
        value={props.search}
        onChange={(e) => props.onSearchChange(e.target.value)}
      />
      <span className="toolbar__count">
        {props.shownCount.toLocaleString()} of {props.totalCount.toLocaleString()} lines
      </span>
      <span className="toolbar__spacer" />
      <button type="button" onClick={props.onCopy}>
        Copy
      </button>
      <button type="button" onClick={props.onSave}>
        Save
      </button>
      <span role="status" className="toolbar__note">
        {props.copyOutcome}
      </span>
    </div>
  )
}
