import { mkdir, readdir, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { snapshotIdSchema } from '../../shared/cluster-schema'
import type { SnapshotInfo } from '../../shared/maintenance'
import { EngineError } from '../errors/engine-error'
import type { EngineLog } from '../log/engine-log'
import { errnoOf } from '../releases/fs-errors'
import { readJsonFile, writeJsonAtomic } from '../store/json-file'

/** What is stored next to a snapshot (`<id>.json`); the file's size and path are read from disk. */
const metadataSchema = z.object({
  cluster: z.string(),
  member: z.string(),
  savedAt: z.string(),
  revision: z.string().nullable(),
  etcdVersion: z.string(),
})

/** A snapshot's metadata as saved. */
export type SnapshotMetadata = z.infer<typeof metadataSchema>

/**
 * The snapshots folder (`<dataDir>/snapshots/`): `<id>.db` files (etcd's snapshot format) and a
 * small `<id>.json` each. Ids are checked against snapshotIdSchema, so a path never leaves it.
 */
export class SnapshotFiles {
  constructor(
    readonly dir: string,
    private readonly log: EngineLog,
  ) {}

  /** A fresh id for a snapshot of `member` of `cluster` taken at `at`: demo-etcd1-20261201-072720.db. */
  async newId(cluster: string, member: string, at: Date): Promise<string> {
    await mkdir(this.dir, { recursive: true })
    const stamp = at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)
    for (let n = 1; ; n++) {
      const id = `${cluster}-${member}-${stamp}${n === 1 ? '' : `-${n}`}.db`
      if (!(await exists(this.file(id)))) return id
    }
  }

  /** The snapshot file of an id (whether or not it exists); refuses ids that are not ours. */
  file(id: string): string {
    if (!snapshotIdSchema.safeParse(id).success) {
      throw new EngineError('SNAPSHOT_NOT_FOUND', `${id} is not a snapshot name.`, { id })
    }
    return join(this.dir, id)
  }

  /** The file of an existing snapshot, or SNAPSHOT_NOT_FOUND naming it. */
  async existing(id: string): Promise<string> {
    const file = this.file(id)
    if (!(await exists(file))) {
      throw new EngineError('SNAPSHOT_NOT_FOUND', `There is no snapshot named ${id}.`, { id })
    }
    return file
  }

  /** Writes the metadata of a saved snapshot. */
  async describe(id: string, metadata: SnapshotMetadata): Promise<void> {
    await writeJsonAtomic(this.metadataFile(id), metadata)
  }

  /** One snapshot as the window shows it. */
  async info(id: string): Promise<SnapshotInfo> {
    const file = await this.existing(id)
    const { size } = await stat(file)
    return { id, ...(await this.metadata(id)), bytes: size, file }
  }

  /** Every saved snapshot, newest first. */
  async list(): Promise<SnapshotInfo[]> {
    const names = await readdir(this.dir).catch((error: unknown) => {
      // No snapshots folder yet: nothing saved. Anything else is the caller's to report.
      if (errnoOf(error) === 'ENOENT') return [] as string[]
      throw error
    })
    const ids = names.filter((name) => snapshotIdSchema.safeParse(name).success)
    const infos = await Promise.all(ids.map((id) => this.info(id)))
    return infos.sort((a, b) => b.savedAt.localeCompare(a.savedAt) || a.id.localeCompare(b.id))
  }

  /** Deletes a snapshot and its metadata. */
  async delete(id: string): Promise<void> {
    const file = await this.existing(id)
    await rm(file, { force: true })
    await rm(this.metadataFile(id), { force: true })
  }

  /** The metadata of a snapshot; a file without readable metadata (copied in by hand) says so. */
  private async metadata(id: string): Promise<SnapshotMetadata> {
    const file = this.metadataFile(id)
    try {
      const raw = await readJsonFile(file)
      const parsed = metadataSchema.safeParse(raw)
      if (parsed.success) return parsed.data
      if (raw !== null)
        this.log.warn({ file, issues: parsed.error.issues }, 'snapshot metadata is not valid')
    } catch (error) {
      this.log.warn({ err: error, file }, 'snapshot metadata cannot be read')
    }
    const { mtime } = await stat(this.file(id))
    return {
      cluster: '',
      member: '',
      savedAt: mtime.toISOString(),
      revision: null,
      etcdVersion: '',
    }
  }

  private metadataFile(id: string): string {
    return this.file(id).replace(/\.db$/, '.json')
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path)
    return true
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return false
    throw error
  }
}
