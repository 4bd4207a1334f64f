import { randomUUID } from 'node:crypto'
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type { Readable } from 'node:stream'
import {
  exportFileNameSchema,
  MAX_IMPORT_UPLOAD_BYTES,
  type ImportFileView,
} from '../../shared/transfer'
import { EngineError } from '../errors/engine-error'
import type { EngineLog } from '../log/engine-log'
import { diskError } from '../releases/fs-errors'
import { readImportHeader } from './import-batches'

/** Exports (browser mode) and uploads kept in the data directory; older ones are removed. */
const KEEP_FILES = 5

/** Import files the engine remembers handles of (the newest ones). */
const MAX_REGISTERED = 20

/** An import file the engine accepted, with the path only the engine knows. */
export interface ImportFile extends ImportFileView {
  path: string
}

/** Writes an export's lines to a file; see TransferFiles.writeExport. */
export type ExportWriter = (text: string) => Promise<void>

/**
 * The files of import and export: browser mode's exports (`transfers/exports/`, served as
 * downloads) and uploads (`transfers/imports/`), and handles on files opened in the app. Paths
 * are built here, never taken from the window: the window names a file by the handle it got.
 */
export class TransferFiles {
  private readonly registered = new Map<string, ImportFile>()
  readonly exportsDir: string
  readonly importsDir: string

  constructor(
    root: string,
    private readonly log: EngineLog,
  ) {
    this.exportsDir = join(root, 'transfers', 'exports')
    this.importsDir = join(root, 'transfers', 'imports')
  }

  /** Where browser mode writes a new export of `cluster`. */
  exportPath(cluster: string, prefixLabel: string): string {
    const stamp = new Date()
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d+Z$/, 'Z')
    return join(this.exportsDir, `${cluster}-${prefixLabel}-${stamp}.jsonl`)
  }

  /** A saved export by file name (browser mode's download), or null when there is none. */
  async exportFile(name: string): Promise<string | null> {
    if (!exportFileNameSchema.safeParse(name).success) return null
    const path = join(this.exportsDir, name)
    const info = await stat(path).catch(() => null)
    return info?.isFile() ? path : null
  }

  /**
   * Runs `write` on a temporary file next to `path` and moves it into place when it succeeded;
   * a failed or cancelled export leaves nothing behind. Answers the bytes written.
   */
  async writeExport(path: string, write: (sink: ExportWriter) => Promise<void>): Promise<number> {
    const partial = `${path}.partial`
    await mkdir(join(path, '..'), { recursive: true })
    const file = await open(partial, 'w', 0o600).catch((error: unknown) => {
      throw diskError(error, 'write the export', path)
    })
    let bytes = 0
    try {
      await write(async (text) => {
        const buffer = Buffer.from(text, 'utf8')
        await file.write(buffer)
        bytes += buffer.length
      })
      await file.close()
      await rename(partial, path)
    } catch (error) {
      await file.close().catch(() => undefined)
      await rm(partial, { force: true })
      throw diskError(error, 'write the export', path)
    }
    if (path.startsWith(this.exportsDir)) await this.prune(this.exportsDir)
    return bytes
  }

  /** Accepts a file the user opened in the app: reads its header and hands out a handle. */
  async register(path: string, name = basename(path)): Promise<ImportFileView> {
    const info = await stat(path).catch((error: unknown) => {
      throw new EngineError('IMPORT_FILE_INVALID', `${name} cannot be read: ${String(error)}`, {
        file: name,
        line: 0,
        reason: 'unreadable',
      })
    })
    const header = await readImportHeader(path, name)
    const view: ImportFileView = { fileId: randomUUID(), name, bytes: info.size, header }
    if (this.registered.size >= MAX_REGISTERED) {
      const oldest = this.registered.keys().next().value
      if (oldest !== undefined) this.registered.delete(oldest)
    }
    this.registered.set(view.fileId, { ...view, path })
    return view
  }

  /** The import file behind a handle. */
  resolve(fileId: string): ImportFile {
    const file = this.registered.get(fileId)
    if (!file) {
      throw new EngineError(
        'INVALID_REQUEST',
        'etcd Desk no longer knows this import file; choose it again.',
        { field: 'fileId', value: fileId },
      )
    }
    return file
  }

  /**
   * Saves browser mode's upload of an import file under a name the engine makes, refusing more
   * than MAX_IMPORT_UPLOAD_BYTES, then registers it. `name` is only shown, never a path.
   */
  async receiveUpload(body: Readable, name: string): Promise<ImportFileView> {
    await mkdir(this.importsDir, { recursive: true })
    const path = join(this.importsDir, `${randomUUID()}.jsonl`)
    const file = await open(path, 'w', 0o600)
    let bytes = 0
    try {
      for await (const chunk of body) {
        const buffer = chunk as Buffer
        bytes += buffer.length
        if (bytes > MAX_IMPORT_UPLOAD_BYTES) {
          throw new EngineError(
            'IMPORT_FILE_INVALID',
            `${name} is larger than ${MAX_IMPORT_UPLOAD_BYTES} bytes, the most browser mode accepts.`,
            { file: name, line: 0, reason: 'too large' },
          )
        }
        await file.write(buffer)
      }
      await file.close()
      const view = await this.register(path, name)
      await this.prune(this.importsDir)
      return view
    } catch (error) {
      await file.close().catch(() => undefined)
      await rm(path, { force: true })
      throw diskError(error, `save the upload of ${name}`, path)
    }
  }

  /** Removes all but the newest KEEP_FILES files of a folder. */
  private async prune(dir: string): Promise<void> {
    try {
      const names = (await readdir(dir)).filter((n) => !n.endsWith('.partial'))
      const dated = await Promise.all(
        names.map(async (n) => ({ n, time: (await stat(join(dir, n))).mtimeMs })),
      )
      dated.sort((a, b) => b.time - a.time)
      for (const { n } of dated.slice(KEEP_FILES)) {
        const path = join(dir, n)
        await rm(path, { force: true })
        for (const [id, file] of this.registered) if (file.path === path) this.registered.delete(id)
      }
    } catch (error) {
      this.log.warn({ err: error, dir }, 'removing old import/export files failed')
    }
  }
}
