import type { CatalogueEntry } from '../log-explanations'
import { ETCD_DOCS } from './etcd-docs'

/** Members that cannot reach each other, and members of different clusters that meet. */
export const PEER_ENTRIES: readonly CatalogueEntry[] = [
  {
    id: 'cluster-id-mismatch',
    topic: 'cluster-id',
    pattern: /cluster ID mismatch/,
    docsUrl: ETCD_DOCS.clusterIdMismatch,
  },
  {
    id: 'peer-not-in-cluster',
    topic: 'cluster-id',
    pattern: /failed to find remote peer in cluster|failed to find member \S+ in cluster/,
    docsUrl: ETCD_DOCS.clusteringErrors,
  },
  {
    id: 'peer-stream-lost',
    topic: 'peer',
    pattern:
      /lost TCP streaming connection with remote peer|lost the TCP streaming connection with peer/,
    docsUrl: ETCD_DOCS.followerFailure,
  },
  {
    id: 'peer-unreachable',
    topic: 'peer',
    pattern:
      /failed to reach the peer ?URL|prober detected unhealthy status|health check for peer \S+ could not connect|failed to dial \S+ on stream|failed to get version|cannot get the version of member/,
    docsUrl: ETCD_DOCS.followerFailure,
  },
  {
    id: 'peer-inactive',
    topic: 'peer',
    pattern: /peer became inactive|became inactive \(message send to peer failed\)/,
    docsUrl: ETCD_DOCS.followerFailure,
  },
  {
    id: 'peer-active',
    topic: 'peer',
    pattern: /^peer became active$|peer \S+ became active/m,
    docsUrl: ETCD_DOCS.followerFailure,
  },
  {
    id: 'peer-buffer-full',
    topic: 'peer',
    pattern: /dropped internal Raft message since (sending|receiving) buffer is full/,
    docsUrl: ETCD_DOCS.timeParameters,
  },
]
