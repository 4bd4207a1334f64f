import { Trans, useTranslation } from '../../i18n'
import type { ClusterView } from '../../../../shared/cluster'

/** For a cluster with network faults: what the proxies in etcd Desk change in the command lines. */
export function NetworkFaultsNote(props: { cluster: ClusterView }) {
  const [first] = props.cluster.members
  const { t } = useTranslation('commands')
  if (!props.cluster.definition.networkFaults || !first) return null
  return (
    <p className="muted commands-note">
      <Trans
        t={t}
        i18nKey="faults.note"
        values={{ member: first.name, peerPort: first.peerPort, proxyPort: first.proxyPort }}
        components={{ strong: <strong />, code: <code /> }}
      />
    </p>
  )
}
