import type { TFunction } from 'i18next'
import { useTranslation } from '../../i18n'
import {
  registrationOf,
  type RegistryKey,
  type RegistryKeyKind,
} from '../../../../shared/discovery-registry'
import { assertNever } from '../../../../shared/result'

/** Most characters of a key or value shown: registry values are short; longer ones were typed in. */
const MAX_SHOWN_CHARS = 300

/** Text cut to MAX_SHOWN_CHARS (shown as text only, never as HTML). */
function clip(text: string): string {
  return text.length > MAX_SHOWN_CHARS ? `${text.slice(0, MAX_SHOWN_CHARS)}…` : text
}

/** What a key means, in words. */
function meaningOf(entry: RegistryKey, t: TFunction<'discovery'>): string {
  const kind: RegistryKeyKind = entry.kind
  switch (kind) {
    case 'size':
      return t('table.size', { size: entry.value })
    case 'member': {
      const registration = registrationOf(entry.value)
      return registration
        ? t('table.member', { name: registration.name, urls: registration.peerUrls.join(', ') })
        : t('table.unreadable')
    }
    case 'other':
      return t('table.other')
    default:
      return assertNever(kind)
  }
}

/** The keys under a token, in the order they were written, each with what it means. */
export function RegistryTable(props: { keys: readonly RegistryKey[] }) {
  const { t } = useTranslation('discovery')
  return (
    <div className="table-scroll">
      <table className="port-table" aria-label={t('table.label')}>
        <thead>
          <tr>
            <th scope="col">{t('table.key')}</th>
            <th scope="col">{t('table.value')}</th>
            <th scope="col">{t('table.what')}</th>
          </tr>
        </thead>
        <tbody>
          {props.keys.map((entry) => (
            <tr key={entry.key}>
              <th scope="row" className="mono break">
                {clip(entry.key)}
              </th>
              <td className="mono break">{clip(entry.value)}</td>
              <td>{clip(meaningOf(entry, t))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
