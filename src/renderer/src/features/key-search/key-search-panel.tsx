import { useTranslation } from '../../i18n'
import { useEngineWords } from '../../i18n/engine-words'
import { useId, useMemo, useState } from 'react'
import {
  compileSearchPattern,
  isPatternProblem,
  SEARCH_MODES,
  type SearchMode,
} from '../../../../shared/key-search'
import { displayBytes } from '../shared/bytes'
import { EmptyState } from '../shared/empty-state'
import { ErrorMessage } from '../shared/error-message'
import { SearchResults } from './search-results'
import { isLive, progressText, type SearchView } from './search-state'
import { useKeySearch, type SearchRequest } from './use-key-search'

/**
 * "Search everything": a substring, glob or regular expression over every key under the prefix
 * (and their values on request), streamed from the engine with progress, cancel and a virtualized
 * list of matches; a click opens a match in the value viewer.
 */
export function KeySearchPanel(props: {
  cluster: string
  /** The Prefix field's bytes: the search covers the keys under it (empty: every key). */
  prefix: Uint8Array
  selectedKey: Uint8Array | null
  onSelect: (key: Uint8Array) => void
}) {
  const { view, start, cancel } = useKeySearch(props.cluster)
  const { t } = useTranslation('key-search')
  const engineWords = useEngineWords()
  const [pattern, setPattern] = useState('')
  const [mode, setMode] = useState<SearchMode>('substring')
  const [inValues, setInValues] = useState(false)
  const [ignoreCase, setIgnoreCase] = useState(false)
  const problem = useMemo(() => {
    if (pattern === '') return null
    const compiled = compileSearchPattern({ pattern, mode, ignoreCase })
    return isPatternProblem(compiled) ? engineWords(compiled.reason, '') : null
  }, [pattern, mode, ignoreCase, engineWords])
  const request: SearchRequest = { prefix: props.prefix, pattern, mode, ignoreCase, inValues }
  return (
    <div className="key-search">
      <SearchForm
        pattern={pattern}
        onPattern={setPattern}
        mode={mode}
        onMode={setMode}
        inValues={inValues}
        onInValues={setInValues}
        ignoreCase={ignoreCase}
        onIgnoreCase={setIgnoreCase}
        problem={problem}
        isRunning={isLive(view)}
        onSearch={() => void start(request)}
        onCancel={cancel}
      />
      <p className="key-search__scope muted">
        {props.prefix.length === 0
          ? t('panel.everyKey')
          : t('panel.underPrefix', { prefix: displayBytes(props.prefix, 120) })}
      </p>
      <SearchStatus view={view} />
      {view.matches.length > 0 ? (
        <SearchResults
          matches={view.matches}
          selectedKey={props.selectedKey}
          onSelect={props.onSelect}
        />
      ) : (
        (view.state === 'done' || view.state === 'cancelled') && (
          <EmptyState title={t('panel.noMatch')}>
            {inValues ? t('panel.tryAnother') : t('panel.tryValues')}
          </EmptyState>
        )
      )}
    </div>
  )
}

function SearchForm(props: {
  pattern: string
  onPattern: (pattern: string) => void
  mode: SearchMode
  onMode: (mode: SearchMode) => void
  inValues: boolean
  onInValues: (inValues: boolean) => void
  ignoreCase: boolean
  onIgnoreCase: (ignoreCase: boolean) => void
  problem: string | null
  isRunning: boolean
  onSearch: () => void
  onCancel: () => void
}) {
  const id = useId()
  const { t } = useTranslation('key-search')
  return (
    <form
      className="key-search__form"
      role="search"
      aria-label={t('panel.label')}
      onSubmit={(e) => {
        e.preventDefault()
        if (props.pattern !== '' && props.problem === null) props.onSearch()
      }}
    >
      <div className="key-search__row">
        <label htmlFor={`${id}-pattern`}>{t('panel.searchFor')}</label>
        <input
          id={`${id}-pattern`}
          type="search"
          spellCheck={false}
          placeholder={t(`panel.placeholders.${props.mode}`)}
          value={props.pattern}
          aria-invalid={props.problem ? true : undefined}
          aria-describedby={props.problem ? `${id}-problem` : undefined}
          onChange={(e) => props.onPattern(e.target.value)}
        />
      </div>
      <div className="key-search__row">
        <label htmlFor={`${id}-mode`}>{t('panel.matchAs')}</label>
        <select
          id={`${id}-mode`}
          value={props.mode}
          onChange={(e) => props.onMode(e.target.value as SearchMode)}
        >
          {SEARCH_MODES.map((m) => (
            <option key={m} value={m}>
              {t(`panel.modes.${m}`)}
            </option>
          ))}
        </select>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={props.ignoreCase}
            onChange={(e) => props.onIgnoreCase(e.target.checked)}
          />
          {t('panel.ignoreCase')}
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={props.inValues}
            onChange={(e) => props.onInValues(e.target.checked)}
          />
          {t('panel.inValues')}
        </label>
      </div>
      <div className="key-search__row">
        <button
          type="submit"
          className="button--primary"
          disabled={props.pattern === '' || props.problem !== null}
        >
          {t('panel.search')}
        </button>
        <button type="button" onClick={props.onCancel} disabled={!props.isRunning}>
          {t('panel.cancel')}
        </button>
      </div>
      {props.problem && (
        <p id={`${id}-problem`} className="field__issue" role="alert">
          {props.problem}
        </p>
      )}
    </form>
  )
}

function SearchStatus(props: { view: SearchView }) {
  const { view } = props
  const { t } = useTranslation('key-search')
  if (view.state === 'idle') return null
  const isCounted = view.total !== null && view.total > 0
  return (
    <div className="key-search__status">
      {view.state === 'running' && (
        <progress
          aria-label={t('panel.progress')}
          max={isCounted ? (view.total as number) : undefined}
          value={isCounted ? view.scanned : undefined}
        />
      )}
      <p role="status" aria-label={t('panel.status')}>
        {progressText(view, t)}
      </p>
      {view.error && <ErrorMessage error={view.error} context={t('panel.stopped')} />}
    </div>
  )
}
