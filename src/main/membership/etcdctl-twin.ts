import { shellCommand } from '../../shared/shell-words'
import type { ClusterRuntime } from '../cluster/cluster-runtime'
import { etcdctlTlsArgs, tlsFilesOf } from '../tls/tls-files'

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
  return shellCommand(binary.etcdctl, [`--endpoints=${endpoints}`, ...etcdctlTls(runtime), ...args])
}

/**
 * etcdctl's connection flags for the cluster: TLS (none for a plain one), and `--user=root` while
 * authentication is on. Security: never the password — etcdctl prompts for it, so it lands
 * neither on screen nor in the shell's history.
 */
export function etcdctlTls(runtime: ClusterRuntime): string[] {
  const tls = runtime.def.tls ? etcdctlTlsArgs(tlsFilesOf(runtime.layout, runtime.def.name)) : []
  const user = runtime.security.auth?.username
  return user ? [...tls, `--user=${user}`] : tls
}

/** Every live member's client URL, comma-separated, as etcdctl --endpoints takes them. */
export function allEndpoints(runtime: ClusterRuntime): string {
  return runtime.slots.map((s) => s.view().clientUrl).join(',')
}
