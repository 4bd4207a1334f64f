import type { ExistingKeys, ImportPreview, ImportReport } from '../../shared/transfer'
import type { KeyService } from '../keys/key-service'
import type { ImportEntry } from './export-format'
import { importBatches } from './import-batches'
import { readBatchState, type BatchState } from './import-reads'
import { writeBatch, type ImportWrite } from './import-writes'
import { ImportLeases } from './import-leases'
import type { TransferControl } from './transfer-control'

/**
 * Key and value bytes of one batch read from the file. Why 4 MiB: the batch, the cluster's
 * values of the same keys and the Txns built from them are in memory at once — a few times this,
 * whatever the size of the file.
 */
const BATCH_BYTES = 4 * 1024 * 1024
/** Keys per preview batch: one Range each in a Txn of at most 128 ops (--max-txn-ops). */
const PREVIEW_BATCH_KEYS = 128
/** Keys per import batch: two Ranges each (now, and at the preview's revision) in 128 ops. */
const IMPORT_BATCH_KEYS = 64

/** An import file as the engine knows it. */
export interface ImportSource {
  path: string
  name: string
  /** Key lines the header announces (progress total). */
  count: number
}

/** How to import. */
export interface ImportOptions {
  existing: ExistingKeys
  dryRun: boolean
  /** The preview's revision: a compare-and-swap puts a key only if it is unchanged since. */
  previewRevision: string
  /** Grant new leases for the file's lease TTLs and attach its keys to them. */
  attachLeases: boolean
}

/** Counts what an import would do, all read at one revision, in bounded batches. */
export async function previewImport(
  service: KeyService,
  source: ImportSource,
  control: TransferControl,
): Promise<Omit<ImportPreview, 'fileId' | 'cluster'>> {
  const pin = await service.ranges.range({ range: { key: new Uint8Array([0]) }, countOnly: true })
  const revision = pin.header.revision
  const counts = { total: 0, created: 0, changed: 0, unchanged: 0, withLease: 0 }
  control.progress(0, source.count)
  const limits = { maxKeys: PREVIEW_BATCH_KEYS, maxBytes: BATCH_BYTES }
  for await (const batch of importBatches(source.path, source.name, limits)) {
    control.throwIfCancelled(counts.total)
    const state = await readBatchState(
      batch.map((e) => e.key),
      { kv: service.etcd.kv, endpoints: service.endpointList, revision },
    )
    batch.forEach((entry, i) => {
      const held = state.held[i]
      if (!held) counts.created++
      else if (held.value.equals(entry.value)) counts.unchanged++
      else counts.changed++
      if (entry.lease) counts.withLease++
    })
    counts.total += batch.length
    control.progress(counts.total, source.count)
  }
  return { revision, ...counts }
}

/** What one key of a batch comes to. */
type Outcome = 'write' | 'unchanged' | 'skipped' | 'conflict'

/**
 * Imports a file batch by batch: reads what the cluster holds of the batch's keys, leaves equal
 * values alone, decides per key by `existing`, then writes (or, in a dry run, only counts).
 */
export async function runImport(
  service: KeyService,
  source: ImportSource,
  options: ImportOptions,
  control: TransferControl,
): Promise<Omit<ImportReport, 'cluster'>> {
  const report = { total: 0, created: 0, updated: 0, unchanged: 0, skipped: 0, conflicts: 0 }
  const client = { etcd: service.etcd, endpoints: service.endpointList }
  const leases = new ImportLeases(client, source.name, options.dryRun)
  const isCas = options.existing === 'cas'
  control.progress(0, source.count)
  const limits = { maxKeys: IMPORT_BATCH_KEYS, maxBytes: BATCH_BYTES }
  for await (const batch of importBatches(source.path, source.name, limits)) {
    control.throwIfCancelled(report.total)
    const state = await readBatchState(
      batch.map((e) => e.key),
      {
        kv: service.etcd.kv,
        endpoints: service.endpointList,
        ...(isCas ? { previewRevision: options.previewRevision } : {}),
      },
    )
    const writes: { write: ImportWrite; isNew: boolean }[] = []
    for (const [i, entry] of batch.entries()) {
      const { outcome, expect } = decide(entry, i, state, options.existing)
      if (outcome !== 'write') {
        report[outcome === 'conflict' ? 'conflicts' : outcome]++
        continue
      }
      const lease = options.attachLeases && entry.lease ? await leases.leaseFor(entry) : undefined
      const write: ImportWrite = { key: entry.key, value: entry.value }
      if (expect !== undefined) write.expectModRevision = expect
      if (lease) write.lease = lease
      writes.push({ write, isNew: state.held[i] === null })
    }
    const applied = options.dryRun
      ? writes.map(() => true)
      : await writeBatch(
          service.etcd.kv,
          service.endpointList,
          writes.map((w) => w.write),
        )
    writes.forEach(({ isNew }, i) => {
      if (!applied[i]) report.conflicts++
      else if (isNew) report.created++
      else report.updated++
    })
    report.total += batch.length
    control.progress(report.total, source.count)
  }
  return {
    ...report,
    dryRun: options.dryRun,
    existing: options.existing,
    leasesGranted: leases.granted,
  }
}

/** What to do with one key, and the mod revision its put must find. */
function decide(
  entry: ImportEntry,
  index: number,
  state: BatchState,
  existing: ExistingKeys,
): { outcome: Outcome; expect?: string } {
  const held = state.held[index] ?? null
  if (held?.value.equals(entry.value)) return { outcome: 'unchanged' }
  switch (existing) {
    case 'overwrite':
      return { outcome: 'write' }
    case 'skip':
      // A key that appears between this read and the write is left alone too (a conflict).
      return held ? { outcome: 'skipped' } : { outcome: 'write', expect: '0' }
    case 'cas': {
      // Unchanged since the preview: the same mod revision now as then ('0': absent both times).
      const then = state.atPreview?.[index] ?? '0'
      const now = held?.modRevision ?? '0'
      return now === then ? { outcome: 'write', expect: then } : { outcome: 'conflict' }
    }
  }
}
