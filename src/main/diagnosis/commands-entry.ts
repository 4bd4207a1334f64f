import { alarmCommand, clusterCommand, type TwinContext } from '../../shared/maintenance-commands'
import { shellCommand } from '../../shared/shell-words'
import { etcdctlTls } from '../membership/etcdctl-twin'
import { messageOf, type BundleEntry, type CollectContext } from './bundle-entry'

/**
 * commands.txt: the etcdctl commands that reproduce the bundle's checks, built by the same code as
 * the window's etcdctl twins (the cluster's own etcdctl, every member's client URL, its TLS flags
 * and `--user` while authentication is on). Security: never a password; etcdctl asks for it.
 */
export async function commandsEntry(ctx: CollectContext): Promise<BundleEntry | null> {
  const { runtime } = ctx
  ctx.step('commands')
  let twin: TwinContext
  try {
    const { binary } = await runtime.plan()
    twin = {
      version: binary.version,
      etcdctl: binary.etcdctl,
      etcdctlTls: etcdctlTls(runtime),
      etcdutl: binary.etcdutl,
      members: runtime.view().members.map((m) => ({ name: m.name, clientUrl: m.clientUrl })),
      leader: null,
    }
  } catch (error) {
    runtime.log.warn({ err: error }, 'diagnosis: resolving etcdctl failed')
    ctx.note(`commands.txt: etcdctl not resolved (${messageOf(error)})`)
    return null
  }
  const user = runtime.security.auth?.username
  const lines = [
    `# The checks of this bundle as etcdctl commands for cluster ${runtime.def.name}.`,
    '# Paste them into a shell on the machine that runs etcd Desk.',
    ...(user ? [`# Authentication is on: etcdctl asks for ${user}'s password.`] : []),
    '',
    '# etcdctl version (versions.json)',
    shellCommand(twin.etcdctl, ['version']),
    '',
    '# Members as etcd lists them (member-list.json)',
    clusterCommand(twin, 'member', 'list', '-w', 'table'),
    '',
    '# Status of each member: leader, raft term and index, DB size (status.json, status.txt)',
    clusterCommand(twin, 'endpoint', 'status', '-w', 'table'),
    '',
    '# Whether each member answers (status.json "healthy")',
    clusterCommand(twin, 'endpoint', 'health', '-w', 'table'),
    '',
    '# Active alarms (alarms.json)',
    alarmCommand(twin, 'list'),
    '',
    "# The metrics sample (metrics/<member>.txt) is one GET of each member's /metrics:",
    ...twin.members.map((m) => `#   ${m.clientUrl}/metrics`),
    '',
  ]
  return {
    path: 'commands.txt',
    text: lines.join('\n'),
    about: "The etcdctl commands that reproduce these checks, with the cluster's own flags.",
  }
}
