import type { ClusterView } from '../../../../shared/cluster'
import { EmptyState } from '../shared/empty-state'
import { hasLiveMember } from '../shared/member-state'
import { ExportSection } from './export-section'
import { ImportSection } from './import-section'

/** The Import/Export tab: keys out to a JSON Lines file and back in, byte for byte. */
export function TransferPanel(props: { cluster: ClusterView }) {
  const name = props.cluster.definition.name
  if (!hasLiveMember(props.cluster)) {
    return (
      <EmptyState title={`Cluster ${name} is stopped`}>
        Click <strong>Start all</strong> to export or import its keys.
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
