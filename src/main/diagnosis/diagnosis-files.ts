import { mkdir, readdir, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { diagnosisFileNameSchema } from '../../shared/diagnosis'
import type { EngineLog } from '../log/engine-log'

/** Bundles kept in browser mode's folder; older ones are removed. */
const KEEP_FILES = 5

/**
 * Browser mode's bundles (`<dataDir>/diagnosis/`), served as downloads by name. Names are made
 * here, never taken from the window: a download asks for a name this folder can hold.
 */
export class DiagnosisFiles {
  readonly dir: string

  constructor(
    root: string,
    private readonly log: EngineLog,
  ) {
    this.dir = join(root, 'diagnosis')
  }

  /** Where browser mode writes a new bundle, its folder made (owner-only: it holds logs). */
  async newPath(fileName: string): Promise<string> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 })
    return join(this.dir, fileName)
  }

  /** A saved bundle by file name (browser mode's download), or null when there is none. */
  async existing(name: string): Promise<string | null> {
    if (!diagnosisFileNameSchema.safeParse(name).success) return null
    const path = join(this.dir, name)
    const info = await stat(path).catch(() => null)
    return info?.isFile() ? path : null
  }

  /** Removes all but the newest KEEP_FILES bundles. */
  async prune(): Promise<void> {
    try {
      const names = (await readdir(this.dir)).filter(
        (n) => diagnosisFileNameSchema.safeParse(n).success,
      )
      const dated = await Promise.all(
        names.map(async (name) => ({ name, at: (await stat(join(this.dir, name))).mtimeMs })),
      )
      dated.sort((a, b) => b.at - a.at)
      for (const old of dated.slice(KEEP_FILES)) await rm(join(this.dir, old.name), { force: true })
    } catch (error) {
      // Old bundles only take space: say so and keep the new one.
      this.log.warn({ err: error, dir: this.dir }, 'removing old diagnosis bundles failed')
    }
  }
}

/** A bundle's name: the cluster and the time, sortable, safe in any file system. */
export function bundleName(cluster: string, at: Date): string {
  const stamp = at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')
  return `${cluster}-diagnosis-${stamp}`
}
