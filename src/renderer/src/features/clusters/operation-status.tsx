import type { ClusterOperation } from '../../../../shared/cluster'
import { useTranslation } from '../../i18n'
import { useEngineWords } from '../../i18n/engine-words'
import { operationText } from './operation'

/**
 * The operation running on a cluster, in its header: a live region that is always there (so a
 * screen reader hears each new step) and shows the label and current step while one runs.
 */
export function OperationStatus(props: { operation: ClusterOperation | null }) {
  const { operation } = props
  const { t } = useTranslation('clusters')
  const words = useEngineWords()
  return (
    <p className="operation-status" role="status" aria-label={t('operation.label')}>
      {operation && (
        <>
          <span className="spinner" aria-hidden="true" />
          {operationText(operation, words)}
        </>
      )}
    </p>
  )
}
