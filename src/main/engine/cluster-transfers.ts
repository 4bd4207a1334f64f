import { EventEmitter } from 'node:events'
import { basename } from 'node:path'
import type { Readable } from 'node:stream'
import type {
  ExistingKeys,
  ExportReport,
  ImportFileView,
  ImportPreview,
  ImportReport,
  TransferProgress,
} from '../../shared/transfer'
import { EngineError } from '../errors/engine-error'
import type { EngineLog } from '../log/engine-log'
import { printableKey } from '../keys/key-bytes'
import { exportKeys } from '../transfer/key-exporter'
import { previewImport, runImport } from '../transfer/key-importer'
import { TransferControl } from '../transfer/transfer-control'
import { TransferFiles } from '../transfer/transfer-files'
import type { ClusterKeys } from './cluster-keys'
import type { ChooseSavePath } from './cluster-maintenance'

/** Lets the user pick a file to open (Electron's open dialog); null when they cancel. */
export type ChooseOpenPath = () => Promise<string | null>

/** What import and export need of the engine. */
export interface ClusterTransfersDeps {
  keys: ClusterKeys
  /** The data directory (browser mode's exports and uploads live below it). */
  root: string
  log: EngineLog
  /** The app's save dialog; absent in browser mode, which downloads exports instead. */
  chooseSavePath: ChooseSavePath | undefined
  /** The app's open dialog; absent in browser mode, which uploads import files instead. */
  chooseOpenPath: ChooseOpenPath | undefined
}

/** An export request. */
export interface ExportRequest {
  transferId: string
  prefix: Uint8Array
  withLeases?: boolean
  withRevisions?: boolean
}

/** An import request (after a preview of the same file). */
export interface ImportRequest {
  transferId: string
  fileId: string
  existing: ExistingKeys
  dryRun: boolean
  previewRevision: string
  attachLeases?: boolean
}

/**
 * Import and export of keys as JSON Lines (README "Import and export"): each one a transfer with
 * an id the window made, progress pushed as `progress` events, and Cancel. Reads and writes run
 * through ClusterKeys.use ('write' for imports that write).
 */
export class ClusterTransfers extends EventEmitter<{ progress: [TransferProgress] }> {
  /** The files (exports, uploads, opened files); browser mode serves and receives through it. */
  readonly files: TransferFiles
  private readonly running = new Map<string, TransferControl>()

  constructor(private readonly deps: ClusterTransfersDeps) {
    super()
    this.files = new TransferFiles(deps.root, deps.log)
  }

  /** Exports a prefix; null when the user cancelled the save dialog. */
  async export(cluster: string, request: ExportRequest): Promise<ExportReport | null> {
    const label = prefixLabel(request.prefix)
    const choose = this.deps.chooseSavePath
    const chosen = choose ? await choose(`${cluster}-${label}.jsonl`) : null
    if (choose && chosen === null) return null
    const path = chosen ?? this.files.exportPath(cluster, label)
    const options = {
      cluster,
      prefix: request.prefix,
      withLeases: request.withLeases === true,
      withRevisions: request.withRevisions === true,
    }
    return this.run(request.transferId, cluster, 'export', async (control) => {
      let result = { revision: '0', keys: 0 }
      const bytes = await this.deps.keys.use(cluster, 'read', request.prefix, (service) =>
        this.files.writeExport(path, async (sink) => {
          result = await exportKeys(service, options, sink, control)
        }),
      )
      this.deps.log.info({ cluster, path, ...result, bytes }, 'keys exported')
      return { cluster, ...result, bytes, fileName: basename(path), path: chosen }
    })
  }

  /** "Choose file…" in the app: the open dialog, then the file's header; null when cancelled. */
  async chooseImport(): Promise<ImportFileView | null> {
    const choose = this.deps.chooseOpenPath
    if (!choose) {
      throw new EngineError(
        'FORBIDDEN',
        'This etcd Desk cannot show an open dialog; upload the file instead.',
        {},
      )
    }
    const path = await choose()
    return path === null ? null : this.files.register(path)
  }

  /** Browser mode's upload of an import file. */
  receiveUpload(body: Readable, name: string): Promise<ImportFileView> {
    return this.files.receiveUpload(body, name)
  }

  /** Counts new / changed / unchanged keys of an import file against a cluster. */
  preview(
    cluster: string,
    request: { transferId: string; fileId: string },
  ): Promise<ImportPreview> {
    const file = this.files.resolve(request.fileId)
    const source = { path: file.path, name: file.name, count: file.header.count }
    return this.run(request.transferId, cluster, 'preview', async (control) => {
      const counts = await this.deps.keys.use(cluster, 'read', prefixOf(file.header.prefix), (s) =>
        previewImport(s, source, control),
      )
      return { fileId: file.fileId, cluster, ...counts }
    })
  }

  /** Imports a file (or, with dryRun, counts what it would do). */
  import(cluster: string, request: ImportRequest): Promise<ImportReport> {
    const file = this.files.resolve(request.fileId)
    const source = { path: file.path, name: file.name, count: file.header.count }
    const options = {
      existing: request.existing,
      dryRun: request.dryRun,
      previewRevision: request.previewRevision,
      attachLeases: request.attachLeases !== false,
    }
    const permission = request.dryRun ? 'read' : 'write'
    return this.run(request.transferId, cluster, 'import', async (control) => {
      const report = await this.deps.keys.use(
        cluster,
        permission,
        prefixOf(file.header.prefix),
        (s) => runImport(s, source, options, control),
      )
      this.deps.log.info({ cluster, file: file.name, ...report }, 'keys imported')
      return { cluster, ...report }
    })
  }

  /** Cancels a running transfer (no-op when it already ended). */
  cancel(transferId: string): void {
    this.running.get(transferId)?.cancel()
  }

  /** Cancels every running transfer (the engine is closing). */
  cancelAll(): void {
    for (const control of this.running.values()) control.cancel()
  }

  private async run<T>(
    transferId: string,
    cluster: string,
    kind: TransferProgress['kind'],
    work: (control: TransferControl) => Promise<T>,
  ): Promise<T> {
    if (this.running.has(transferId)) {
      throw new EngineError('INVALID_REQUEST', `Transfer ${transferId} is already running.`, {
        field: 'transferId',
        value: transferId,
      })
    }
    const control = new TransferControl(transferId, cluster, kind, (p) => this.emit('progress', p))
    this.running.set(transferId, control)
    try {
      return await work(control)
    } finally {
      this.running.delete(transferId)
    }
  }
}

/** The prefix of a header (base64), for permission messages. */
function prefixOf(base64: string): Uint8Array {
  return Buffer.from(base64, 'base64')
}

/** A file-name-safe label of a prefix: "all" for every key. */
function prefixLabel(prefix: Uint8Array): string {
  const label = printableKey(prefix)
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._-]+|[._-]+$/g, '')
    .replace(/\.\.+/g, '.')
    .slice(0, 40)
  return label === '' ? 'all' : label
}
