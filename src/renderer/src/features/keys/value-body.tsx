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
      note =
        value.length > JSON_PARSE_CAP_BYTES ? 'Too large to format as JSON.' : 'Not valid JSON.'
  } else {
    const text = decodeText(head) ?? decodeText(value)
    if (text === null) {
      note = 'Not valid UTF-8 text: shown as hex.'
      body = hexDump(head)
    } else body = text
  }
  const shown =
    mode === 'json' && body.length > DISPLAY_CAP_BYTES ? body.slice(0, DISPLAY_CAP_BYTES) : body
  return (
    <div className="value-body">
      {note && <p className="value-body__note">{note}</p>}
      {value.length === 0 ? (
        <p className="muted">(empty value)</p>
      ) : (
        body && (
          <pre className={`value-body__text value-body__text--${mode}`} aria-label="Contents">
            {shown}
          </pre>
        )
      )}
      {(isCapped || shown.length < body.length) && (
        <p className="value-body__note">
          Showing the first {formatBytes(DISPLAY_CAP_BYTES)} of {formatBytes(value.length)}. Use the
          etcdctl command (Commands tab) to read all of it.
        </p>
      )}
    </div>
  )
}
