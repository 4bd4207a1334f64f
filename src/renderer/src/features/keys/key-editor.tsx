import { useTranslation } from '../../i18n'
import { useId, useState } from 'react'
import type { KeyEntry } from '../../../../shared/keys'
import { DEFAULT_MAX_REQUEST_BYTES } from '../../../../shared/limits'
import { useApi } from '../shared/api-context'
import { displayBytes, encodeText, formatBytes, requestBytes } from '../shared/bytes'
import { BusyButton } from '../shared/busy-button'
import { ErrorMessage } from '../shared/error-message'
import { settle, useAction } from '../shared/use-action'
import { KeyConflict, type Conflict } from './key-conflict'
import {
  bytesOfDraft,
  convertDraft,
  draftOf,
  MAX_EDIT_BYTES,
  type ValueFormat,
} from './value-draft'

/** What the editor is for: a new key (under the current prefix) or an existing one. */
export type EditTarget = { kind: 'new'; prefix: string } | { kind: 'edit'; entry: KeyEntry }

/** "New key" / edit form with "Key", "Value" and "Save"; edits are compare-and-swap on the mod revision. */
export function KeyEditor(props: {
  cluster: string
  target: EditTarget
  onSaved: (key: Uint8Array, value: Uint8Array) => void
  onCancel: () => void
}) {
  const { cluster, target } = props
  const api = useApi()
  const id = useId()
  const { t } = useTranslation('keys')
  const entry = target.kind === 'edit' ? target.entry : null
  const initial = draftOf(entry?.value ?? null)
  const [keyText, setKeyText] = useState(target.kind === 'new' ? target.prefix : '')
  const [valueText, setValueText] = useState(initial.text)
  const [format, setFormat] = useState<ValueFormat>(initial.format)
  const [formatIssue, setFormatIssue] = useState<string | null>(null)
  const [conflict, setConflict] = useState<Conflict | null>(null)
  const save = useAction((key: Uint8Array, value: Uint8Array, expectModRevision: string) =>
    api.request('keys:put', {
      cluster,
      key: requestBytes(key),
      value: requestBytes(value),
      expectModRevision,
    }),
  )
  const key = entry ? entry.key : encodeText(keyText)
  const value = bytesOfDraft(valueText, format)
  const keyIssue = !entry && keyText === '' ? t('editor.enterKey') : null
  const valueIssue = value === null ? t('editor.hexIssue') : null
  const sizeWarning =
    value && value.length + key.length > DEFAULT_MAX_REQUEST_BYTES
      ? t('editor.sizeWarning', { size: formatBytes(value.length) })
      : null
  if (entry?.value && entry.value.length > MAX_EDIT_BYTES) {
    return (
      <div className="key-editor">
        <p>{t('editor.tooLarge', { size: formatBytes(entry.value.length) })}</p>
        <button type="button" onClick={props.onCancel}>
          {t('editor.back')}
        </button>
      </div>
    )
  }
  const write = async (expectModRevision: string) => {
    if (keyIssue || !value) return
    setConflict(null)
    const result = await save.run(key, value, expectModRevision)
    if (result.ok) return props.onSaved(key, value)
    if (result.error.code !== 'KEY_CONFLICT') return
    save.clearError()
    const now = await settle(() => api.request('keys:get', { cluster, key: requestBytes(key) }))
    setConflict({ expected: expectModRevision, current: now.ok ? now.value : null })
  }
  const changeFormat = (next: ValueFormat) => {
    const converted = convertDraft(valueText, format, next)
    if (converted === null) return setFormatIssue(t('editor.notText'))
    setFormatIssue(null)
    setValueText(converted)
    setFormat(next)
  }
  return (
    <form
      className="key-editor"
      aria-label={entry ? t('editor.edit') : t('editor.new')}
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        void write(entry ? entry.modRevision : '0')
      }}
    >
      <h3>{entry ? t('editor.edit') : t('editor.new')}</h3>
      <div className="field">
        <label htmlFor={`${id}-key`}>{t('editor.key')}</label>
        <input
          id={`${id}-key`}
          value={entry ? displayBytes(entry.key, 4096) : keyText}
          readOnly={entry !== null}
          spellCheck={false}
          aria-invalid={keyIssue ? true : undefined}
          onChange={(e) => setKeyText(e.target.value)}
        />
        {keyIssue && <p className="field__issue">{keyIssue}</p>}
      </div>
      <div className="field">
        <div className="field__row">
          <label htmlFor={`${id}-value`}>{t('editor.value')}</label>
          <label htmlFor={`${id}-format`} className="sr-only">
            {t('editor.encoding')}
          </label>
          <select
            id={`${id}-format`}
            value={format}
            onChange={(e) => changeFormat(e.target.value as ValueFormat)}
          >
            <option value="text">{t('editor.text')}</option>
            <option value="hex">{t('editor.hex')}</option>
          </select>
        </div>
        <textarea
          id={`${id}-value`}
          rows={10}
          spellCheck={false}
          value={valueText}
          aria-invalid={valueIssue ? true : undefined}
          onChange={(e) => setValueText(e.target.value)}
        />
        {(valueIssue ?? formatIssue) && <p className="field__issue">{valueIssue ?? formatIssue}</p>}
        {sizeWarning && <p className="field__note">{sizeWarning}</p>}
      </div>
      {entry && <p className="muted">{t('editor.casNote', { revision: entry.modRevision })}</p>}
      {save.error && <ErrorMessage error={save.error} context={t('editor.saveFailed')} />}
      {conflict && (
        <KeyConflict
          conflict={conflict}
          isNew={!entry}
          onOverwrite={(rev) => void write(rev)}
          onDiscard={props.onCancel}
        />
      )}
      <div className="button-row">
        <BusyButton type="submit" className="button--primary" isBusy={save.isBusy}>
          {t('editor.save')}
        </BusyButton>
        <button type="button" onClick={props.onCancel} disabled={save.isBusy}>
          {t('editor.cancel')}
        </button>
      </div>
    </form>
  )
}
