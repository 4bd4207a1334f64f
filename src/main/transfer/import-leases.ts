import { EngineError } from '../errors/engine-error'
import { grantLeaseId, type LeaseClient } from '../leases/lease-calls'
import type { ImportEntry } from './export-format'

/**
 * Most distinct leases one import grants. Why a bound: one entry per lease of the file is kept
 * (keys that shared a lease share the new one), and a file must not grow that without limit.
 */
const MAX_IMPORT_LEASES = 100_000

/**
 * The new leases of an import: one granted per lease ID of the file, with the TTL its first key
 * line carries (the TTL left at export time). A dry run grants nothing and only counts them.
 */
export class ImportLeases {
  private readonly byOldId = new Map<string, string>()

  constructor(
    private readonly client: LeaseClient,
    private readonly file: string,
    private readonly isDryRun: boolean,
  ) {}

  /** Leases granted (or, in a dry run, that would be). */
  get granted(): number {
    return this.byOldId.size
  }

  /** The new lease for an entry's exported lease; undefined in a dry run. */
  async leaseFor(entry: ImportEntry): Promise<string | undefined> {
    const old = entry.lease
    if (!old) return undefined
    const known = this.byOldId.get(old.id)
    if (known !== undefined) return this.isDryRun ? undefined : known
    if (this.byOldId.size >= MAX_IMPORT_LEASES) {
      throw new EngineError(
        'IMPORT_FILE_INVALID',
        `${this.file} line ${entry.line}: more than ${MAX_IMPORT_LEASES} distinct leases; import it without leases.`,
        { file: this.file, line: entry.line, reason: 'too many leases' },
      )
    }
    const id = this.isDryRun ? '' : await grantLeaseId(this.client, old.ttl)
    this.byOldId.set(old.id, id)
    return this.isDryRun ? undefined : id
  }
}
