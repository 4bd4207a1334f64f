import { copyFile, chmod, mkdir, readdir, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { create as createTar } from 'tar'
import { EngineError } from '../errors/engine-error'
import { diskError } from '../releases/fs-errors'
import type { TlsFiles } from '../tls/tls-files'
import type { ClusterExport } from './cluster-export'

/**
 * Writes an export into `folder`, which must not exist or be empty (an export never mixes with
 * other files). Scripts get the executable bit; copied keys are owner-only (0600), like the
 * cluster's own. `issued` replaces copied certificate files by path (certificates made for the
 * export). Answers how many files were written.
 */
export async function writeExportFolder(
  exported: ClusterExport,
  folder: string,
  tlsFiles: TlsFiles,
  issued: ReadonlyMap<string, string> = new Map(),
): Promise<number> {
  const existing = await readdir(folder).catch(() => [])
  if (existing.length > 0) {
    throw new EngineError(
      'INVALID_REQUEST',
      `${folder} is not empty; choose a new folder for the export of ${exported.cluster}.`,
      { field: 'folder', value: folder },
    )
  }
  try {
    await mkdir(folder, { recursive: true })
    for (const file of exported.files) {
      if (file.text === null) continue
      const target = join(folder, ...file.path.split('/'))
      await mkdir(dirname(target), { recursive: true })
      await writeFile(target, file.text, { mode: file.isExecutable ? 0o755 : 0o644 })
    }
    for (const copy of exported.tlsCopies) {
      const target = join(folder, ...copy.path.split('/'))
      // Security: certificate folders are owner-only, as in the cluster's own tls/.
      await mkdir(dirname(target), { recursive: true, mode: 0o700 })
      const fresh = issued.get(copy.path)
      if (fresh === undefined) await copyFile(copy.source(tlsFiles), target)
      else await writeFile(target, fresh)
      await chmod(target, copy.isPrivate ? 0o600 : 0o644)
    }
  } catch (error) {
    throw diskError(error, `write the export of ${exported.cluster}`, folder)
  }
  return exported.files.length
}

/**
 * Packs an export folder into `<folder>.tar.gz` (its folder name as the archive's top folder, the
 * files' modes kept, owners left out) and removes the folder. Answers the archive's path.
 */
export async function packExportFolder(folder: string): Promise<string> {
  const archive = `${folder}.tar.gz`
  try {
    await createTar({ gzip: true, portable: true, file: archive, cwd: dirname(folder) }, [
      basename(folder),
    ])
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
  return archive
}
