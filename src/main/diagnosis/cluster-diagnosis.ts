import { EventEmitter } from 'node:events'
import { basename } from 'node:path'
import type {
  DiagnosisFile,
  DiagnosisProgress,
  DiagnosisReport,
  DiagnosisStep,
} from '../../shared/diagnosis'
import type { ClusterRuntime } from '../cluster/cluster-runtime'
import type { ChooseSavePath } from '../engine/cluster-maintenance'
import { EngineError } from '../errors/engine-error'
import type { EngineLog } from '../log/engine-log'
import { diskError } from '../releases/fs-errors'
import { writeArchive } from './archive-writer'
import { collectBundle, collectSteps } from './bundle-collector'
import type { BundleEntry, CollectContext } from './bundle-entry'
import { manifestEntry, readmeEntry } from './bundle-readme'
import { bundleName, DiagnosisFiles } from './diagnosis-files'
import { redact } from './redaction'

/** What "Save diagnosis" needs of the engine. */
export interface ClusterDiagnosisDeps {
  runtime: (cluster: string) => ClusterRuntime
  /** The data directory (browser mode's bundles live below it). */
  root: string
  engineLogFile: string
  appVersion: string
  log: EngineLog
  /** The app's save dialog; absent in browser mode, which downloads the bundle instead. */
  chooseSavePath: ChooseSavePath | undefined
}

/**
 * "Save diagnosis" (README "Diagnosis bundle"): one .tar.gz of a local cluster for a bug report.
 * Works on a stopped cluster too, reads nothing of the keyspace, never holds up or waits for the
 * cluster's operations, and runs once at a time per cluster.
 */
export class ClusterDiagnosis extends EventEmitter<{ progress: [DiagnosisProgress] }> {
  /** Browser mode's bundles, served as downloads. */
  readonly files: DiagnosisFiles
  private readonly running = new Set<string>()

  constructor(private readonly deps: ClusterDiagnosisDeps) {
    super()
    this.files = new DiagnosisFiles(deps.root, deps.log)
  }

  /** Builds the bundle of `cluster`; null when the user cancelled the save dialog. */
  async save(cluster: string, diagnosisId: string): Promise<DiagnosisReport | null> {
    const runtime = this.deps.runtime(cluster)
    if (this.running.has(cluster)) {
      throw new EngineError(
        'INVALID_REQUEST',
        `A diagnosis of cluster ${cluster} is already being saved; wait until it is done.`,
        { field: 'cluster', value: cluster },
      )
    }
    // Reserved before the first await: a second click cannot start a second bundle.
    this.running.add(cluster)
    try {
      const createdAt = new Date()
      const folder = bundleName(cluster, createdAt)
      const target = await this.targetPath(`${folder}.tar.gz`)
      if (target === null) return null
      const { entries, notes } = await this.collect(runtime, diagnosisId)
      const bytes = await writeArchive(target, folder, entries).catch((error: unknown) => {
        this.deps.log.warn({ err: error, cluster, path: target }, 'writing a diagnosis failed')
        throw diskError(error, `save the diagnosis of ${cluster}`, target)
      })
      if (!this.deps.chooseSavePath) await this.files.prune()
      this.deps.log.info({ cluster, path: target, bytes, notes }, 'diagnosis saved')
      const files: DiagnosisFile[] = entries.map((e) => fileOf(e))
      return {
        cluster,
        fileName: basename(target),
        path: this.deps.chooseSavePath ? target : null,
        bytes,
        files,
        notes,
      }
    } finally {
      this.running.delete(cluster)
    }
  }

  /** The save dialog's answer (app), or a new file in the diagnosis folder (browser mode). */
  private async targetPath(fileName: string): Promise<string | null> {
    const choose = this.deps.chooseSavePath
    return choose ? choose(fileName) : this.files.newPath(fileName)
  }

  /** Every file of the bundle, secrets removed, README first and manifest last; and the notes. */
  private async collect(
    runtime: ClusterRuntime,
    diagnosisId: string,
  ): Promise<{ entries: BundleEntry[]; notes: string[] }> {
    const cluster = runtime.def.name
    const notes: string[] = []
    let done = 0
    const total = collectSteps({ runtime })
    const step = (kind: DiagnosisStep, member?: string) =>
      this.emit('progress', {
        diagnosisId,
        cluster,
        step: kind,
        member: member ?? null,
        done: done++,
        total,
      })
    const ctx: CollectContext = { runtime, step, note: (text) => void notes.push(text) }
    const collected = await collectBundle(ctx, {
      appVersion: this.deps.appVersion,
      engineLogFile: this.deps.engineLogFile,
    })
    const password = runtime.security.auth?.password
    const secrets = password ? [password] : []
    const clean = collected.map((e) => ({ ...e, text: redact(e.text, secrets) }))
    // Notes quote error messages, which quote what etcd and the OS said: cleaned the same way.
    const cleanNotes = notes.map((note) => redact(note, secrets))
    step('archive')
    const facts = {
      cluster,
      createdAt: new Date().toISOString(),
      appVersion: this.deps.appVersion,
      files: clean.map(fileOf),
      notes: cleanNotes,
    }
    const readme = readmeEntry(facts)
    const manifest = manifestEntry({ ...facts, files: [fileOf(readme), ...facts.files] })
    return { entries: [readme, ...clean, manifest], notes: cleanNotes }
  }
}

function fileOf(entry: BundleEntry): DiagnosisFile {
  return { path: entry.path, bytes: Buffer.byteLength(entry.text, 'utf8'), about: entry.about }
}
