import type { ClusterState, MemberState } from '../../../../shared/cluster'
import { useTranslation } from '../../i18n'

/** A coloured badge (dot + word, so it does not rely on colour alone) for a cluster or member state. */
export function StateBadge(props: { state: ClusterState | MemberState }) {
  const { t } = useTranslation('shared')
  return (
    <span className={`badge badge--${props.state}`}>
      <span className="badge__dot" aria-hidden="true" />
      {t(`state.${props.state}`)}
    </span>
  )
}
