import type { ClusterStatus } from '../../shared/cluster'
import type { ClientSecurity } from '../etcd/client-security'

/** A member the sampler reads. */
export interface MetricsMember {
  name: string
  clientUrl: string
  /** Stopped on purpose: not asked (its values are gaps) and its silence is not logged. */
  isStoppedOnPurpose: boolean
}

/** Where a cluster's samples come from: a local cluster's runtime or an open connection. */
export interface MetricsSource {
  members(): MetricsMember[]
  /** A getter: TLS turned on or certificates rotated while sampling reach the next round. */
  security(): ClientSecurity
  /** The latest status poll (raft and applied index), or null. */
  status(): ClusterStatus | null
  /** The write probe's p99 (ms) when it runs, else null. */
  probeP99Ms(): number | null
}
