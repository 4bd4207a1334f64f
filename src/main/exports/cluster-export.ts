import type { ClusterDefinition } from '../../shared/cluster'
import type {
  ClusterExportView,
  ExportFileKind,
  ExportFileView,
} from '../../shared/cluster-export/export-types'
import type { TlsFiles } from '../tls/tls-files'
import { memberFolder } from '../store/data-layout'
import { bashScripts } from './bash-script'
import { composeFile } from './compose-file'
import { freshDefinition } from './export-flags'
import { membersOnOtherHosts } from './export-certificates'
import { exportNotes, exportReadme } from './export-readme'
import { exportTexts } from './export-texts'
import { english } from '../words/english'
import { powershellScripts } from './powershell-script'
import { procfile } from './procfile'
import { systemdUnits } from './systemd-units'

/** A certificate file of the export: where it goes and which of the cluster's files it copies. */
interface TlsCopy {
  path: string
  source: (files: TlsFiles) => string
  isPrivate: boolean
}

/** An export before it is written: the generated files and the certificate files to copy. */
export interface ClusterExport extends ClusterExportView {
  tlsCopies: TlsCopy[]
}

/**
 * Builds every file of a cluster's export (nothing is written): the scripts, Procfile, compose
 * file and systemd units all take each member's flags from memberArgs, for a fresh start of the
 * same cluster. `hosts` names each member's host for the systemd units.
 */
export function buildClusterExport(
  def: ClusterDefinition,
  options: { hosts?: Readonly<Record<string, string>>; exportedAt?: Date } = {},
): ClusterExport {
  const fresh = freshDefinition(def)
  const texts = exportTexts(fresh, options.exportedAt ?? new Date())
  const hosts = Object.fromEntries(
    fresh.members.map((m) => [m.name, options.hosts?.[m.name] ?? fresh.host]),
  )
  const noteWords = exportNotes(def, membersOnOtherHosts(def, hosts))
  // The archive's README stays English: the files are read on other machines, by anyone.
  const notes = noteWords.map(english)
  const files: ExportFileView[] = []
  const add = (kind: ExportFileKind, texts: Record<string, string>, isExecutable = false) => {
    for (const [path, text] of Object.entries(texts)) files.push({ path, kind, text, isExecutable })
  }
  add('readme', { 'README.txt': exportReadme(fresh, notes, texts) })
  add('bash', bashScripts(fresh, texts), true)
  add('powershell', powershellScripts(fresh, texts))
  add('procfile', { Procfile: procfile(fresh, texts) })
  add('compose', { 'docker-compose.yml': composeFile(fresh, texts) })
  add('systemd', systemdUnits(fresh, hosts, texts))
  const tlsCopies = def.tls ? tlsCopiesOf(def) : []
  for (const copy of tlsCopies)
    files.push({ path: copy.path, kind: 'tls', text: null, isExecutable: false })
  return {
    cluster: def.name,
    version: def.resolvedVersion,
    hasTls: def.tls === true,
    hosts,
    files,
    notes,
    noteWords,
    tlsCopies,
  }
}

/** The CA, each member's server and peer pair, and etcdctl's client pair (never the CA's key). */
function tlsCopiesOf(def: ClusterDefinition): TlsCopy[] {
  const copies: TlsCopy[] = [{ path: 'tls/ca.crt', source: (f) => f.ca, isPrivate: false }]
  for (const member of def.members) {
    const folder = memberFolder(member)
    const at = `tls/members/${member.name}`
    copies.push(
      { path: `${at}/server.crt`, source: (f) => f.member(folder).serverCert, isPrivate: false },
      { path: `${at}/server.key`, source: (f) => f.member(folder).serverKey, isPrivate: true },
      { path: `${at}/peer.crt`, source: (f) => f.member(folder).peerCert, isPrivate: false },
      { path: `${at}/peer.key`, source: (f) => f.member(folder).peerKey, isPrivate: true },
    )
  }
  copies.push(
    { path: 'tls/clients/etcdctl.crt', source: (f) => f.etcdctlCert, isPrivate: false },
    { path: 'tls/clients/etcdctl.key', source: (f) => f.etcdctlKey, isPrivate: true },
  )
  return copies
}
