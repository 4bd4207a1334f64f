import { useTranslation } from '../../i18n'
import { isJsonDocument, JSON_PARSE_CAP_BYTES, prettyJson } from '../../../../shared/value-decoder'
import { decodeText, formatBytes, hexDump } from '../shared/bytes'

/** How a value is shown. */
export type ValueMode = 'text' | 'json' | 'hex'

/** Most bytes of a value put on screen; the rest is summarized (values may be megabytes). */
const DISPLAY_CAP_BYTES = 64 * 1024

/** The mode a value opens in: JSON when it parses as an object or array, text when text, else hex. */
export function defaultMode(value: Uint8Array): ValueMode {
  if (decodeText(value) === null) return 'hex'
  return isJsonDocument(value) ? 'json' : 'text'
}

/** A value shown as text, pretty JSON or a hex dump: always as plain text, capped in size. */
export function ValueBody(props: { value: Uint8Array; mode: ValueMode }) {
  const { value, mode } = props
  const { t } = useTranslation('keys')
  const isCapped = value.length > DISPLAY_CAP_BYTES
  const head = isCapped ? value.subarray(0, DISPLAY_CAP_BYTES) : value
  let note: string | null = null
  let body: string
  if (mode === 'hex') {
    body = hexDump(head)
  } else if (mode === 'json') {
    const pretty = prettyJson(value)
    body = pretty ?? ''
    if (pretty === null)
      note = value.length > JSON_PARSE_CAP_BYTES ? t('body.tooLarge') : t('body.notJson')
  } else {
    const text = decodeText(head) ?? decodeText(value)
    if (text === null) {
      note = t('body.notUtf8')
      body = hexDump(head)
    } else body = text
  }
  const shown =
    mode === 'json' && body.length > DISPLAY_CAP_BYTES ? body.slice(0, DISPLAY_CAP_BYTES) : body
  return (
    <div className="value-body">
      {note && <p className="value-body__note">{note}</p>}
      {value.length === 0 ? (
        <p className="muted">{t('body.empty')}</p>
      ) : (
        body && (
          <pre
            className={`value-body__text value-body__text--${mode}`}
            aria-label={t('body.contents')}
          >
            {shown}
          </pre>
        )
      )}
      {(isCapped || shown.length < body.length) && (
        <p className="value-body__note">
          {t('body.capped', {
            shown: formatBytes(DISPLAY_CAP_BYTES),
            total: formatBytes(value.length),
          })}
        </p>
      )}
    </div>
  )
}
