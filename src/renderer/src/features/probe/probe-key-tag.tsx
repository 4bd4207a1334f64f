import { useTranslation } from '../../i18n'
import { PROBE_PREFIX } from '../../../../shared/probe'
import { encodeText, startsWithBytes } from '../shared/bytes'

const PROBE_PREFIX_BYTES = encodeText(PROBE_PREFIX)

/** True for the write probe's keys and folders (under PROBE_PREFIX). */
export function isProbeKey(key: Uint8Array): boolean {
  return startsWithBytes(key, PROBE_PREFIX_BYTES)
}

/**
 * The visible "etcd Desk write probe" tag, a note with that accessible name; it sits beside a
 * key row's button in a row with the class `has-probe-tag` (styles/probe.css).
 */
export function ProbeKeyTag() {
  const { t } = useTranslation('probe')
  return (
    <span className="tag tag--probe" role="note" aria-label={t('tag.label')} title={t('tag.hint')}>
      {t('tag.label')}
    </span>
  )
}
