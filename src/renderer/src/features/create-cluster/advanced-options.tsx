import type { ReactNode } from 'react'
import { useTranslation } from '../../i18n'

/**
 * The create dialog's advanced options, folded away until opened (every default is safe); open
 * from the start when a preset (a snapshot to restore, a quota) already fills one of them.
 */
export function AdvancedOptions(props: { isOpen?: boolean; children: ReactNode }) {
  const { t } = useTranslation('create-cluster')
  return (
    <details className="create-advanced" open={props.isOpen}>
      <summary>{t('advanced.summary')}</summary>
      <div className="create-advanced__body">{props.children}</div>
    </details>
  )
}
