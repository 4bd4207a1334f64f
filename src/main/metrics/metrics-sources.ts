import type { ClusterRuntime } from '../cluster/cluster-runtime'
import { clientUrlOf } from '../cluster/etcd-flags'
import type { ClusterConnections } from '../engine/cluster-connections'
import type { ClusterProbes } from '../engine/cluster-probes'
import { PLAIN_SECURITY } from '../etcd/client-security'
import type { MetricsSource } from './metrics-source'

/** A source and how its owner learns when it stops or starts answering. */
export interface WatchedSource {
  source: MetricsSource
  /** True while it has something to read (a live member; an open connection). */
  isActive: () => boolean
  /** Calls `onChange` whenever isActive may have changed; returns the unsubscribe. */
  watch: (onChange: () => void) => () => void
}

/** A local cluster: its members at their client URLs, its status poll and its write probe. */
export function localMetricsSource(runtime: ClusterRuntime, probes: ClusterProbes): WatchedSource {
  const cluster = runtime.def.name
  return {
    source: {
      members: () =>
        runtime.slots.map((slot) => ({
          name: slot.spec.name,
          clientUrl: clientUrlOf(runtime.def, slot.spec),
          isStoppedOnPurpose: slot.process.state === 'stopped',
        })),
      security: () => runtime.security,
      status: () => runtime.status(),
      probeP99Ms: () => {
        const stats = probes.stats(cluster)
        return stats.isRunning ? stats.p99Ms : null
      },
    },
    isActive: () => runtime.isActive(),
    watch: (onChange) => {
      runtime.on('changed', onChange)
      return () => void runtime.off('changed', onChange)
    },
  }
}

/**
 * An open connection: the members its status poll found (their own client URLs) with the
 * connection's TLS files. It has no write probe. Null when `name` is no open connection.
 */
export function remoteMetricsSource(
  name: string,
  connections: ClusterConnections,
): WatchedSource | null {
  if (!connections.keyTarget(name)) return null
  return {
    source: {
      members: () =>
        (connections.status(name)?.memberList ?? []).flatMap((m) =>
          m.clientUrls[0]
            ? [{ name: m.name || m.id, clientUrl: m.clientUrls[0], isStoppedOnPurpose: false }]
            : [],
        ),
      security: () => connections.keyTarget(name)?.security ?? PLAIN_SECURITY,
      status: () => connections.status(name),
      probeP99Ms: () => null,
    },
    // Why always: a connection closes only when it is saved again (and reopened at once) or
    // deleted (its tab goes, unsubscribing); a round while it is closed reads no member.
    isActive: () => true,
    watch: () => () => undefined,
  }
}
