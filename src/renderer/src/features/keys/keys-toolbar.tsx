import { useTranslation } from '../../i18n'
import { useId, useState } from 'react'

/** The ways to browse keys: a flat list, a folder tree, or a search over every key. */
export type KeysView = 'list' | 'tree' | 'search'

/** Prefix filter, list/tree switch, jump-to-key, "New key" and "Delete prefix". */
export function KeysToolbar(props: {
  prefix: string
  onPrefixChange: (prefix: string) => void
  view: KeysView
  onViewChange: (view: KeysView) => void
  onJump: (key: string) => void
  onNewKey: () => void
  onDeletePrefix: () => void
  /** False while the prefix is empty (deleting everything is not offered) or not applied yet. */
  canDeletePrefix: boolean
  isJumping: boolean
}) {
  const id = useId()
  const [jumpText, setJumpText] = useState('')
  const { t } = useTranslation('keys')
  return (
    <div className="toolbar keys-toolbar">
      <label htmlFor={`${id}-prefix`}>{t('toolbar.prefix')}</label>
      <input
        id={`${id}-prefix`}
        type="search"
        className="keys-toolbar__prefix"
        placeholder={t('toolbar.prefixPlaceholder')}
        spellCheck={false}
        value={props.prefix}
        onChange={(e) => props.onPrefixChange(e.target.value)}
      />
      <div className="segmented" role="group" aria-label={t('toolbar.view')}>
        <button
          type="button"
          aria-pressed={props.view === 'list'}
          onClick={() => props.onViewChange('list')}
        >
          {t('toolbar.list')}
        </button>
        <button
          type="button"
          aria-pressed={props.view === 'tree'}
          onClick={() => props.onViewChange('tree')}
        >
          {t('toolbar.tree')}
        </button>
        <button
          type="button"
          aria-pressed={props.view === 'search'}
          onClick={() => props.onViewChange('search')}
        >
          {t('toolbar.search')}
        </button>
      </div>
      <form
        className="keys-toolbar__jump"
        onSubmit={(e) => {
          e.preventDefault()
          if (jumpText !== '') props.onJump(jumpText)
        }}
      >
        <label htmlFor={`${id}-jump`}>{t('toolbar.jump')}</label>
        <input
          id={`${id}-jump`}
          placeholder={t('toolbar.jumpPlaceholder')}
          spellCheck={false}
          value={jumpText}
          onChange={(e) => setJumpText(e.target.value)}
        />
        <button type="submit" disabled={jumpText === '' || props.isJumping}>
          {t('toolbar.open')}
        </button>
      </form>
      <span className="toolbar__spacer" />
      <button type="button" className="button--primary" onClick={props.onNewKey}>
        {t('toolbar.newKey')}
      </button>
      <button
        type="button"
        className="button--danger-quiet"
        onClick={props.onDeletePrefix}
        disabled={!props.canDeletePrefix}
        title={props.prefix === '' ? t('toolbar.prefixFirst') : undefined}
      >
        {t('toolbar.deletePrefix')}
      </button>
    </div>
  )
}
