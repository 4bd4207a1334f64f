import type { ClusterDefinition, MemberDefinition } from '../../shared/cluster'
import { isIpv4Literal } from '../../shared/cluster-export/export-types'
import { exportArgs, pathsUnder } from './export-flags'
import type { ExportTexts } from './export-texts'

/** The flags whose values depend on the hosts: systemd reads them from the member's env file. */
const HOST_FLAGS: Readonly<Record<string, string>> = {
  '--listen-client-urls': 'MEMBER_LISTEN_CLIENT_URLS',
  '--advertise-client-urls': 'MEMBER_ADVERTISE_CLIENT_URLS',
  '--listen-peer-urls': 'MEMBER_LISTEN_PEER_URLS',
  '--initial-advertise-peer-urls': 'MEMBER_INITIAL_ADVERTISE_PEER_URLS',
  '--initial-cluster': 'CLUSTER_INITIAL_CLUSTER',
}
const LISTEN_FLAGS = new Set(['--listen-client-urls', '--listen-peer-urls'])

/** Where the units expect etcd, the data and the certificates on each host. */
export const SYSTEMD_ETCD = '/usr/local/bin/etcd'
/** Each host's folder of the cluster's certificates and env files. */
export function systemdConfigDir(cluster: string): string {
  return `/etc/etcd/${cluster}`
}

/**
 * systemd units for running each member on its own host: per member a unit
 * (etcd-<cluster>-<member>.service) with every flag etcd Desk starts it with, the host-dependent
 * URLs taken from an EnvironmentFile (<member>.env) as parameters. `hosts` names each member's
 * host (default: the cluster's); a URL's host is the host of the member owning its port.
 */
export function systemdUnits(
  def: ClusterDefinition,
  hosts: Readonly<Record<string, string>>,
  texts: ExportTexts,
): Record<string, string> {
  const config = systemdConfigDir(def.name)
  const paths = pathsUnder(config, def.tls === true, undefined)
  const files: Record<string, string> = {}
  for (const member of def.members) {
    const dataDir = `/var/lib/etcd/${def.name}-${member.name}`
    const args = exportArgs(def, member, (name) => ({ ...paths(name), dataDir }))
    const env: string[] = []
    const exec = args.map((arg) => {
      const [flag = '', value] = splitFlag(arg)
      const variable = HOST_FLAGS[flag]
      if (!variable || value === undefined) return unitWord(arg)
      env.push(`${variable}=${onHosts(def, hosts, value, LISTEN_FLAGS.has(flag))}`)
      return `${flag}=\${${variable}}`
    })
    const unit = `etcd-${def.name}-${member.name}`
    files[`systemd/${unit}.service`] = `# ${texts.title}
# ${texts.origin}
# Member ${member.name}, on its own host (${hosts[member.name] ?? def.host}): see README.txt.
[Unit]
Description=etcd member ${member.name} of cluster ${def.name}
Documentation=https://etcd.io/docs/
After=network-online.target
Wants=network-online.target

[Service]
Type=notify
EnvironmentFile=${config}/${member.name}.env
ExecStart=${SYSTEMD_ETCD} ${exec.join(' \\\n  ')}
Restart=on-failure
RestartSec=5s
LimitNOFILE=40000

[Install]
WantedBy=multi-user.target
`
    files[`systemd/${member.name}.env`] = `# ${texts.title}
# The URLs of member ${member.name}; edit the hosts here (and in every member's CLUSTER_INITIAL_CLUSTER).
${env.join('\n')}
`
  }
  return files
}

/** "--flag=value" → ["--flag", "value"]; a bare flag → ["--flag", undefined]. */
function splitFlag(arg: string): [string, string | undefined] {
  const at = arg.indexOf('=')
  return at < 0 ? [arg, undefined] : [arg.slice(0, at), arg.slice(at + 1)]
}

/**
 * A URL list with each URL's host replaced by the host of the member owning its port. etcd binds
 * listen URLs to IP addresses only, so a listen URL on a host given by name listens on 0.0.0.0.
 */
function onHosts(
  def: ClusterDefinition,
  hosts: Readonly<Record<string, string>>,
  value: string,
  isListen: boolean,
): string {
  return value
    .split(',')
    .map((item) => {
      const prefix = /^[^=:/]+=/.exec(item)?.[0] ?? ''
      const url = new URL(item.slice(prefix.length))
      const owner = ownerOf(def.members, Number(url.port))
      const host = owner ? (hosts[owner.name] ?? def.host) : def.host
      url.hostname = isListen && !isIpv4Literal(host) ? '0.0.0.0' : host
      return `${prefix}${url.origin}`
    })
    .join(',')
}

function ownerOf(members: MemberDefinition[], port: number): MemberDefinition | undefined {
  return members.find((m) => m.clientPort === port || m.peerPort === port)
}

/**
 * One word of ExecStart: systemd expands '%' specifiers and '$' variables, so both are doubled
 * to stay literal; a word with a space or a quote is double-quoted.
 */
function unitWord(word: string): string {
  const escaped = word.replace(/%/g, '%%').replace(/\$/g, '$$$$')
  return /[\s"'\\]/.test(escaped) ? `"${escaped.replace(/(["\\])/g, '\\$1')}"` : escaped
}
