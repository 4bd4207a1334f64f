import { useTranslation } from '../../i18n'
import { useEngineWords } from '../../i18n/engine-words'
import type { VersionChangeRefusal } from '../../../../shared/upgrade'
import { hopsActionLabel } from './upgrade-texts'

/**
 * Why a version is not offered, in etcd's terms, and the multi-hop upgrade when there is one
 * ("Upgrade in 2 hops: 3.5.33, then 3.6.16").
 */
export function RefusalNote(props: {
  version: string
  refusal: VersionChangeRefusal
  onHops: (hops: string[]) => void
}) {
  const { refusal } = props
  const hops = refusal.hops
  const { t } = useTranslation('upgrade')
  const engineWords = useEngineWords()
  return (
    <div
      className="upgrade-refusal"
      role="note"
      aria-label={t('refusal.label', { version: props.version })}
    >
      <p>
        <strong>{t('refusal.notOffered')}</strong> {engineWords(refusal.reason, '')}
      </p>
      {hops && hops.length > 1 && (
        <button type="button" className="button--primary" onClick={() => props.onHops(hops)}>
          {hopsActionLabel(hops)}
        </button>
      )}
    </div>
  )
}
