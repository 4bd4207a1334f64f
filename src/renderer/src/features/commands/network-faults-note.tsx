import type { ClusterView } from '../../../../shared/cluster'

/** For a cluster with network faults: what the proxies in etcd Desk change in the command lines. */
export function NetworkFaultsNote(props: { cluster: ClusterView }) {
  const [first] = props.cluster.members
  if (!props.cluster.definition.networkFaults || !first) return null
  return (
    <p className="muted commands-note">
      This cluster has <strong>network faults</strong>: each member listens on its peer port (
      <code>--listen-peer-urls</code>, {first.name}: {first.peerPort}) but advertises its proxy port
      (<code>--initial-advertise-peer-urls</code> and <code>--initial-cluster</code>, {first.name}:{' '}
      {first.proxyPort}). The proxies are part of etcd Desk, not of etcd: they forward peer traffic
      unchanged and drop or delay it when you isolate a member or add latency. Run by hand, these
      members reach each other only while etcd Desk runs (or with the proxy ports replaced by the
      peer ports).
    </p>
  )
}
