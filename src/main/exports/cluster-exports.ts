import { readdir, rm, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type { ClusterDefinition } from '../../shared/cluster'
import {
  clusterExportArchiveSchema,
  type ClusterExportResult,
  type ClusterExportView,
} from '../../shared/cluster-export/export-types'
import type { ChooseSavePath } from '../engine/cluster-maintenance'
import type { EngineLog } from '../log/engine-log'
import type { DataLayout } from '../store/data-layout'
import { tlsFilesOf } from '../tls/tls-files'
import { buildClusterExport } from './cluster-export'
import { issueExportCertificates } from './export-certificates'
import { packExportFolder, writeExportFolder } from './export-writer'

/** Browser mode's export archives kept in the data directory; older ones are removed. */
const KEEP_ARCHIVES = 5

/** What cluster exports need of the engine. */
export interface ClusterExportsDeps {
  /** A local cluster's definition (CLUSTER_NOT_FOUND otherwise). */
  definition: (cluster: string) => ClusterDefinition
  layout: DataLayout
  log: EngineLog
  /** The app's save dialog (names the export folder); absent in browser mode, which downloads. */
  chooseSavePath: ChooseSavePath | undefined
}

/**
 * "Export to other machines": previews a local cluster's export (scripts, Procfile, compose file,
 * systemd units, README.txt) and writes it — into a folder the save dialog names (the app), or
 * as a .tar.gz in `transfers/cluster-exports/` that browser mode offers as a download.
 */
export class ClusterExports {
  /** Where browser mode's archives are written and served from. */
  readonly archivesDir: string

  constructor(private readonly deps: ClusterExportsDeps) {
    this.archivesDir = join(deps.layout.root, 'transfers', 'cluster-exports')
  }

  /** Every file of the export with its text (certificate files by name only). */
  preview(cluster: string, hosts?: Record<string, string>): ClusterExportView {
    const def = this.deps.definition(cluster)
    const {
      cluster: name,
      version,
      hasTls,
      hosts: used,
      files,
      notes,
      noteWords,
    } = buildClusterExport(def, {
      hosts,
    })
    return { cluster: name, version, hasTls, hosts: used, files, notes, noteWords }
  }

  /** Writes the export; null when the user cancelled the save dialog. */
  async write(
    cluster: string,
    hosts?: Record<string, string>,
  ): Promise<ClusterExportResult | null> {
    const def = this.deps.definition(cluster)
    const exported = buildClusterExport(def, { hosts })
    const tlsFiles = tlsFilesOf(this.deps.layout, cluster)
    const issued = await issueExportCertificates(def, exported.hosts, tlsFiles)
    const choose = this.deps.chooseSavePath
    if (choose) {
      const folder = await choose(`${cluster}-etcd-export`)
      if (folder === null) return null
      const files = await writeExportFolder(exported, folder, tlsFiles, issued)
      this.deps.log.info({ cluster, folder, files }, 'cluster exported')
      return { cluster, folder, archive: null, files }
    }
    const folder = join(this.archivesDir, `${cluster}-etcd-export-${stamp(new Date())}`)
    await rm(folder, { recursive: true, force: true })
    const files = await writeExportFolder(exported, folder, tlsFiles, issued)
    const archive = await packExportFolder(folder)
    this.deps.log.info({ cluster, archive, files }, 'cluster exported')
    await this.prune()
    return { cluster, folder: null, archive: basename(archive), files }
  }

  /** A browser-mode archive by name (the download route), or null when there is none. */
  async archiveFile(name: string): Promise<string | null> {
    if (!clusterExportArchiveSchema.safeParse(name).success) return null
    const path = join(this.archivesDir, name)
    const info = await stat(path).catch(() => null)
    return info?.isFile() ? path : null
  }

  /** Removes all but the newest KEEP_ARCHIVES archives (logged, never fatal: the export worked). */
  private async prune(): Promise<void> {
    try {
      const names = (await readdir(this.archivesDir)).filter((n) => n.endsWith('.tar.gz'))
      const dated = await Promise.all(
        names.map(async (n) => ({ n, time: (await stat(join(this.archivesDir, n))).mtimeMs })),
      )
      dated.sort((a, b) => b.time - a.time)
      for (const { n } of dated.slice(KEEP_ARCHIVES))
        await rm(join(this.archivesDir, n), { force: true })
    } catch (error) {
      this.deps.log.warn(
        { err: error, dir: this.archivesDir },
        'removing old cluster exports failed',
      )
    }
  }
}

/** A UTC time stamp for file names: 20261201T153012Z. */
function stamp(at: Date): string {
  return at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')
}
