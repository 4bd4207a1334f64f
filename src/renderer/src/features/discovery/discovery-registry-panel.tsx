import type { ClusterView } from '../../../../shared/cluster'
import {
  registeredMembers,
  type DiscoveryRegistryView,
} from '../../../../shared/discovery-registry'
import { ErrorMessage } from '../shared/error-message'
import { RegistryTable } from './registry-table'
import { useDiscoveryRegistry } from './use-discovery-registry'

/** How far the registration went, in one sentence (read by screen readers as it changes). */
function progressOf(view: DiscoveryRegistryView): string {
  if (view.keys === null) {
    return 'The discovery etcd is not running, so its registry cannot be read. etcd Desk starts it only while a member still has to bootstrap: once every member has data, etcd ignores the discovery flags.'
  }
  const joined = registeredMembers(view.keys).length
  return `${joined} of ${view.expectedSize} members registered${joined >= view.expectedSize ? ': the cluster is complete.' : '.'}`
}

/**
 * The Keys tab's "Discovery registry" of a cluster bootstrapped by discovery: the keys under its
 * token in the discovery etcd (the size, then one per member as it registers), asked again while
 * the cluster starts so they are seen filling up. Keys and values are shown as text.
 */
export function DiscoveryRegistryPanel(props: { cluster: ClusterView; isActive: boolean }) {
  const asked = useDiscoveryRegistry(props.cluster, props.isActive)
  // null before the first answer, and as the answer for a cluster bootstrapped statically.
  const view = asked.data
  return (
    <section aria-labelledby="discovery-registry-title">
      <div className="toolbar">
        <h3 id="discovery-registry-title">Discovery registry</h3>
        <button type="button" className="button--small" onClick={asked.reload}>
          Refresh registry
        </button>
      </div>
      {view && (
        <p className="muted">
          Token <code>{view.token}</code> in the discovery etcd (<code>{view.url}</code>). At its
          first start each member writes one key under <code>{view.prefix}</code>: its id, with its
          name and peer URL. The first {view.expectedSize} by creation order form the cluster; etcd
          refuses any later one.
        </p>
      )}
      {asked.error && (
        <ErrorMessage
          error={asked.error}
          context="Could not read the discovery registry"
          onRetry={asked.reload}
        />
      )}
      {view === null && !asked.error && (
        <p className="muted" role="status">
          {asked.isLoading
            ? 'Reading the registry…'
            : 'This cluster was not bootstrapped by discovery: it has no registry.'}
        </p>
      )}
      {view && <p role="status">{progressOf(view)}</p>}
      {view?.keys && <RegistryTable keys={view.keys} />}
      {view?.keys && view.total > view.keys.length && (
        <p className="muted">
          Showing the first {view.keys.length} of {view.total} keys.
        </p>
      )}
      {view && <p className="muted">Read at {new Date(view.readAt).toLocaleTimeString()}.</p>}
    </section>
  )
}
