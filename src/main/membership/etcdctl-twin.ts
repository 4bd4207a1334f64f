import { shellCommand } from '../../shared/shell-words'
import type { ClusterRuntime } from '../cluster/cluster-runtime'

/**
 * An etcdctl command line as the user would type it for a step of a membership change: the
 * cluster's own etcdctl, against `endpoints` (one member's client URL, or all of them).
 */
export async function etcdctlTwin(
  runtime: ClusterRuntime,
  endpoints: string,
  args: string[],
): Promise<string> {
  const { binary } = await runtime.plan()
  return shellCommand(binary.etcdctl, [`--endpoints=${endpoints}`, ...args])
}

/** Every live member's client URL, comma-separated, as etcdctl --endpoints takes them. */
export function allEndpoints(runtime: ClusterRuntime): string {
  return runtime.slots.map((s) => s.view().clientUrl).join(',')
}
