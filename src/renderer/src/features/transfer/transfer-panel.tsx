import { Trans, useTranslation } from '../../i18n'
import type { ClusterView } from '../../../../shared/cluster'
import { EmptyState } from '../shared/empty-state'
import { hasLiveMember } from '../shared/member-state'
import { ExportSection } from './export-section'
import { ImportSection } from './import-section'

/** The Import/Export tab: keys out to a JSON Lines file and back in, byte for byte. */
export function TransferPanel(props: { cluster: ClusterView }) {
  const name = props.cluster.definition.name
  const { t } = useTranslation('transfer')
  if (!hasLiveMember(props.cluster)) {
    return (
      <EmptyState title={t('panel.stoppedTitle', { name })}>
        <Trans t={t} i18nKey="panel.stoppedBody" components={{ strong: <strong /> }} />
      </EmptyState>
    )
  }
  return (
    <div className="maintenance-panel">
      <ExportSection cluster={name} />
      <ImportSection cluster={name} />
    </div>
  )
}
