import type { ClusterView } from '../../../../shared/cluster'
import { useEngineWords } from '../../i18n/engine-words'

/** What the user must know about a cluster (run.json not written …), in the window's language. */
export function ClusterWarning(props: { cluster: ClusterView }) {
  const { warning, warningWords } = props.cluster
  const text = useEngineWords()
  if (!warning && !warningWords) return null
  return (
    <p className="banner banner--warn workspace__warning" role="alert">
      {text(warningWords, warning ?? '')}
    </p>
  )
}
