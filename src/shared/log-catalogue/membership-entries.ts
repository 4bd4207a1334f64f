import type { CatalogueEntry } from '../log-explanations'
import { ETCD_DOCS } from './etcd-docs'

/** Membership changes: members removed, members added, changes etcd refused. */
export const MEMBERSHIP_ENTRIES: readonly CatalogueEntry[] = [
  {
    id: 'member-removed-self',
    topic: 'membership',
    pattern:
      /the member has been permanently removed from the cluster|data-dir used by this member must be removed/,
    docsUrl: ETCD_DOCS.removeMember,
  },
  {
    id: 'member-removed-peer',
    topic: 'membership',
    pattern:
      /rejected stream from remote peer because it was removed|rejected the stream from peer \S+ since it was removed/,
    docsUrl: ETCD_DOCS.removeMember,
  },
  {
    id: 'membership-changed',
    topic: 'membership',
    pattern:
      /^(added member|removed member|promote member)$|^(added|removed) member \S+ .*to cluster|^removed member \S+ from cluster|promote member \S+ in cluster/m,
    docsUrl: ETCD_DOCS.reconfiguration,
  },
  {
    id: 'unhealthy-cluster',
    topic: 'membership',
    pattern:
      /etcdserver: unhealthy cluster|re-configuration failed due to not enough started members/,
    docsUrl: ETCD_DOCS.strictReconfig,
  },
]
