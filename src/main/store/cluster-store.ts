import { mkdir, readdir, rm } from 'node:fs/promises'
import { z } from 'zod'
import type { ClusterDefinition } from '../../shared/cluster'
import { EngineError } from '../errors/engine-error'
import type { DataLayout } from './data-layout'
import { definitionSchema } from './definition-schema'
import { readJsonFile, writeJsonAtomic } from './json-file'

/** A member the engine started: enough to recognise the process after an engine crash. */
export interface RunRecordEntry {
  member: string
  pid: number
  /** Full command line (binary + args) joined by spaces, as the OS reports it. */
  command: string
  startedAt: string
}

const runRecordSchema = z.array(
  z.object({
    member: z.string(),
    pid: z.number().int(),
    command: z.string(),
    startedAt: z.string(),
  }),
)

/** Saves and loads cluster definitions and run records under the data directory. */
export class ClusterStore {
  constructor(private readonly layout: DataLayout) {}

  /** Every saved cluster definition; unreadable ones are reported, not dropped silently. */
  async loadAll(): Promise<{
    clusters: ClusterDefinition[]
    broken: { name: string; error: string }[]
  }> {
    const clusters: ClusterDefinition[] = []
    const broken: { name: string; error: string }[] = []
    const names = await readdir(this.layout.clustersDir).catch((error: NodeJS.ErrnoException) => {
      // No clusters folder yet is a fresh data directory; anything else must be reported.
      if (error.code === 'ENOENT') return [] as string[]
      throw error
    })
    for (const name of names.sort()) {
      try {
        const raw = await readJsonFile(this.layout.clusterFile(name))
        if (raw === null) continue
        clusters.push(definitionSchema.parse(raw))
      } catch (error) {
        broken.push({ name, error: (error as Error).message })
      }
    }
    return { clusters, broken }
  }

  /** Saves a definition atomically. */
  async save(def: ClusterDefinition): Promise<void> {
    try {
      await mkdir(this.layout.clusterDir(def.name), { recursive: true })
      await writeJsonAtomic(this.layout.clusterFile(def.name), def)
    } catch (error) {
      throw new EngineError(
        'DATA_DIR_UNWRITABLE',
        `Cannot save cluster ${def.name}: ${(error as Error).message}`,
        { cluster: def.name },
      )
    }
  }

  /** Removes a cluster's own folder (definition, member data, logs) and nothing else. */
  async remove(name: string): Promise<void> {
    const def = await readJsonFile(this.layout.clusterFile(name))
    if (!def)
      throw new EngineError(
        'CLUSTER_NOT_FOUND',
        `Cluster ${name} has no saved definition; its folder is left alone.`,
        { cluster: name },
      )
    await rm(this.layout.clusterDir(name), { recursive: true, force: true })
  }

  /** The members recorded as running for a cluster; throws when run.json cannot be used. */
  async loadRunRecord(name: string): Promise<RunRecordEntry[]> {
    const file = this.layout.runFile(name)
    const parsed = runRecordSchema.safeParse((await readJsonFile(file)) ?? [])
    if (parsed.success) return parsed.data
    throw new EngineError('INTERNAL', `${file} is not a run record: ${parsed.error.message}`, {
      cluster: name,
      file,
    })
  }

  /** Records which members run now (pids and command lines). */
  async saveRunRecord(name: string, entries: RunRecordEntry[]): Promise<void> {
    await writeJsonAtomic(this.layout.runFile(name), entries)
  }
}
