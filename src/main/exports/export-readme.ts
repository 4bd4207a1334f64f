import type { ClusterDefinition } from '../../shared/cluster'
import { words, type EngineWords } from '../../shared/engine-words/engine-words'
import { ETCD_IMAGE } from './compose-file'
import { etcdctlLine, type ExportTexts } from './export-texts'
import { SYSTEMD_ETCD, systemdConfigDir } from './systemd-units'

/**
 * What the export changes against the running cluster, as words: README.txt writes them in
 * English, the dialog shows them in the window's language.
 */
export function exportNotes(
  def: ClusterDefinition,
  reissued: readonly string[] = [],
): EngineWords[] {
  const notes = [words('engine-notices:exportNote.fresh')]
  if (def.members.some((m) => m.proxyPort !== undefined))
    notes.push(words('engine-notices:exportNote.proxies'))
  if (def.discovery) notes.push(words('engine-notices:exportNote.discovery'))
  if (def.members.some((m) => m.joined)) notes.push(words('engine-notices:exportNote.joined'))
  const learners = def.members.filter((m) => m.isLearner).map((m) => m.name)
  if (learners.length > 0)
    notes.push(words('engine-notices:exportNote.learners', { learners: learners.join(', ') }))
  const versions = new Set(def.members.map((m) => m.etcdVersion ?? def.resolvedVersion))
  if (versions.size > 1)
    notes.push(words('engine-notices:exportNote.versions', { versions: [...versions].join(', ') }))
  if (def.tls) {
    const names = [...new Set(['127.0.0.1', '::1', 'localhost', def.host])].join(', ')
    notes.push(
      reissued.length > 0
        ? words('engine-notices:exportNote.reissued', { members: reissued.join(', '), names })
        : words('engine-notices:exportNote.certificateHosts', { names }),
    )
  }
  return notes
}

/** README.txt of an export: what each file is and how to run it. */
export function exportReadme(
  def: ClusterDefinition,
  notes: readonly string[],
  texts: ExportTexts,
): string {
  const config = systemdConfigDir(def.name)
  const first = def.members[0]?.name ?? 'etcd1'
  const tls = def.tls
    ? `
TLS: tls/ holds the cluster's CA (ca.crt), each member's server and peer certificate and key
(tls/members/<member>/), and a client certificate for etcdctl (tls/clients/etcdctl.crt|key).
Keys are private: keep them readable by their owner only.
`
    : ''
  return `${texts.title}
${texts.origin}

Every file starts the same members with the same flags etcd Desk uses (its Commands tab shows
them); only the paths differ. Notes:
${notes.map((n) => `- ${n}`).join('\n')}
${tls}
1. This machine, bash (Linux, macOS):   ./start-cluster.sh    stop: ./stop-cluster.sh
   One etcd per member in the background, data in data/<member>, logs in logs/<member>.log,
   pids in run/<member>.pid. etcd from PATH, or ETCD_BIN=/path/to/etcd ./start-cluster.sh.

2. This machine, PowerShell (Windows):  .\\start-cluster.ps1   stop: .\\stop-cluster.ps1

3. goreman (as etcd's own repository does):  goreman -f Procfile start

4. Docker:  docker compose up -d   (image ${ETCD_IMAGE}:v<version>, host networking;
   data in data/<member>)

   Stop the cluster in etcd Desk first: 1 to 4 use its ports.

5. systemd, one member per host: for each member, on its host,
   - install etcd as ${SYSTEMD_ETCD};
   - copy systemd/<member>.env to ${config}/<member>.env and set the hosts in it (the URLs
     are its parameters; CLUSTER_INITIAL_CLUSTER must be the same on every host)${def.tls ? `;\n   - copy tls/ to ${config}/tls/ (owner-only)` : ''};
   - copy systemd/etcd-${def.name}-<member>.service to /etc/systemd/system/, then
     systemctl daemon-reload && systemctl enable --now etcd-${def.name}-<member>
   Start them all within a minute or so: the first waits for a quorum. Logs: journalctl -u etcd-${def.name}-${first}

Check (1 to 4):  ${etcdctlLine(def, 'tls')} endpoint health
`
}
