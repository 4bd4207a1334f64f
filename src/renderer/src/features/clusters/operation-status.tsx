import type { ClusterOperation } from '../../../../shared/cluster'
import { operationText } from './operation'

/**
 * The operation running on a cluster, in its header: a live region that is always there (so a
 * screen reader hears each new step) and shows the label and current step while one runs.
 */
export function OperationStatus(props: { operation: ClusterOperation | null }) {
  const { operation } = props
  return (
    <p className="operation-status" role="status" aria-label="Operation in progress">
      {operation && (
        <>
          <span className="spinner" aria-hidden="true" />
          {operationText(operation)}
        </>
      )}
    </p>
  )
}
