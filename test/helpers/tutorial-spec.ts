import type { ClusterSpec } from '../../src/shared/cluster'
import { tutorialMembers } from '../../src/shared/port-scheme'

/** The tutorial's 3-member cluster "demo" on the system etcd, with `over` applied. */
export const tutorialSpec = (over: Partial<ClusterSpec> = {}): ClusterSpec => ({
  name: 'demo',
  members: tutorialMembers(3),
  etcdVersion: 'system',
  host: '127.0.0.1',
  ...over,
})
