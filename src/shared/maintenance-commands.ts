import { shellCommand } from './shell-words'

/**
 * The etcdctl / etcdutl twins of the maintenance actions, with flags right for the cluster's
 * etcd version (ETCD-OPS-FACTS §5): the engine runs `snapshot restore` with exactly these
 * arguments, and the window shows the same commands for copy and paste.
 */

/** True when `snapshot restore` and `snapshot status` belong to etcdutl (3.5+), not etcdctl (3.4). */
export function usesEtcdutl(version: string): boolean {
  const match = /^(\d+)\.(\d+)\./.exec(version)
  if (!match) return true
  const [major, minor] = [Number(match[1]), Number(match[2])]
  return major > 3 || minor >= 5
}

/** One member a snapshot is restored into. */
export interface RestoreTarget {
  name: string
  /** The peer URL the other members use (advertised). */
  peerUrl: string
  /** Its --data-dir, which must not exist yet. */
  dataDir: string
}

/** The arguments of `snapshot restore` for one member of a new cluster (etcdctl 3.4, etcdutl 3.5+). */
export function snapshotRestoreArgs(
  file: string,
  member: RestoreTarget,
  all: readonly RestoreTarget[],
  token: string,
): string[] {
  return [
    'snapshot',
    'restore',
    file,
    `--name=${member.name}`,
    `--initial-cluster=${all.map((m) => `${m.name}=${m.peerUrl}`).join(',')}`,
    `--initial-cluster-token=${token}`,
    `--initial-advertise-peer-urls=${member.peerUrl}`,
    `--data-dir=${member.dataDir}`,
  ]
}

/** The restore tool of a version: etcdutl from 3.5 (when found), etcdctl on 3.4. */
export function restoreTool(version: string, etcdctl: string, etcdutl: string | null): string {
  return usesEtcdutl(version) && etcdutl ? etcdutl : etcdctl
}

/** What the twins need to know of a cluster. */
export interface TwinContext {
  version: string
  etcdctl: string
  /** etcdctl's TLS flags on a TLS cluster (--cacert, --cert, --key); empty otherwise. */
  etcdctlTls: readonly string[]
  etcdutl: string | null
  /** Members in definition order, with their client URLs. */
  members: readonly { name: string; clientUrl: string }[]
  /** The current leader, when known (defragment order). */
  leader: string | null
}

/** etcdctl against the given endpoints. */
function etcdctlAt(ctx: TwinContext, endpoints: readonly string[], ...args: string[]): string {
  return shellCommand(ctx.etcdctl, [
    `--endpoints=${endpoints.join(',')}`,
    ...ctx.etcdctlTls,
    ...args,
  ])
}

const allEndpoints = (ctx: TwinContext): string[] => ctx.members.map((m) => m.clientUrl)

/** `snapshot save` from one member into a file. */
export function snapshotSaveCommand(ctx: TwinContext, member: string, file: string): string {
  const url = ctx.members.find((m) => m.name === member)?.clientUrl ?? '<client URL>'
  return etcdctlAt(ctx, [url], 'snapshot', 'save', file)
}

/** `snapshot status` of a file: etcdctl on 3.4, etcdutl from 3.5. */
export function snapshotStatusCommand(ctx: TwinContext, file: string): string {
  const tool = restoreTool(ctx.version, ctx.etcdctl, ctx.etcdutl)
  return shellCommand(tool, ['snapshot', 'status', file, '-w', 'table'])
}

/** Every member's `snapshot restore` into a new cluster. */
export function snapshotRestoreCommands(
  ctx: TwinContext,
  file: string,
  targets: readonly RestoreTarget[],
  token: string,
): string[] {
  const tool = restoreTool(ctx.version, ctx.etcdctl, ctx.etcdutl)
  return targets.map((t) => shellCommand(tool, snapshotRestoreArgs(file, t, targets, token)))
}

/** The members in defragment order: followers first (in member order), the leader last. */
export function defragOrder<M extends { name: string }>(
  members: readonly M[],
  leader: string | null,
): M[] {
  return [...members.filter((m) => m.name !== leader), ...members.filter((m) => m.name === leader)]
}

/** `defrag` one member at a time, followers first, the leader last. */
export function defragCommands(ctx: TwinContext): string[] {
  return defragOrder(ctx.members, ctx.leader).map((m) => etcdctlAt(ctx, [m.clientUrl], 'defrag'))
}

/** `compact` to a revision (physical: returns once the backend dropped the history). */
export function compactCommand(ctx: TwinContext, revision: string | null): string {
  return etcdctlAt(ctx, allEndpoints(ctx), 'compact', revision ?? '<revision>', '--physical')
}

/** Any etcdctl command against every member (the diagnosis bundle's checks: status, health …). */
export function clusterCommand(ctx: TwinContext, ...args: string[]): string {
  return etcdctlAt(ctx, allEndpoints(ctx), ...args)
}

/** `alarm list` or `alarm disarm`. */
export function alarmCommand(ctx: TwinContext, action: 'list' | 'disarm'): string {
  return etcdctlAt(ctx, allEndpoints(ctx), 'alarm', action)
}

/** `endpoint hashkv --cluster`: every member's hash of the keyspace. */
export function hashKvCommand(ctx: TwinContext): string {
  return etcdctlAt(ctx, allEndpoints(ctx), 'endpoint', 'hashkv', '--cluster', '-w', 'table')
}

/** `del --prefix` of the NOSPACE drill's filler keys. */
export function deletePrefixCommand(ctx: TwinContext, prefix: string): string {
  return etcdctlAt(ctx, allEndpoints(ctx), 'del', '--prefix', prefix)
}

/** `put` of one small text value (the drill's check that writes work again). */
export function putCommand(ctx: TwinContext, key: string, value: string): string {
  return etcdctlAt(ctx, allEndpoints(ctx), 'put', key, value)
}
