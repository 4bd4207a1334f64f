import type { IKeyValue } from 'etcd3'
import { encodeBase64 } from '../../shared/base64'
import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION, type ExportLine } from '../../shared/transfer'
import { keyAfter, prefixRange } from '../keys/key-bytes'
import type { KeyService } from '../keys/key-service'
import { isTooBigAnswer } from '../keys/too-big-answer'
import { leaseTtl, type LeaseClient } from '../leases/lease-calls'
import { jsonLine, keyLine } from './export-format'
import type { TransferControl } from './transfer-control'

/**
 * Most keys one export Range asks for. Why 500: the key browser's page size; a page of small
 * values is a few hundred KiB, and bigger values shrink the page (EXPORT_PAGE_BYTES).
 */
export const EXPORT_PAGE_LIMIT = 500

/**
 * Bytes of values one page aims at. Why 4 MiB: the page, its base64 and its lines are in memory
 * at once, so an export holds about 3 × this whatever the size of the keyspace.
 */
const EXPORT_PAGE_BYTES = 4 * 1024 * 1024

/** Lease TTLs remembered during one export (keys of one lease ask etcd once). */
const MAX_CACHED_LEASES = 10_000

/** What to export. */
export interface ExportOptions {
  cluster: string
  prefix: Uint8Array
  /** Add each key's lease (its ID and TTL left). */
  withLeases: boolean
  /** Add each key's create and mod revision. */
  withRevisions: boolean
}

/** Where an export writes its lines (a file). */
export type LineSink = (text: string) => Promise<void>

/**
 * Writes every key under a prefix as JSON Lines, all read at one revision: a count-only Range
 * pins the revision (and gives the total for the header and progress), then keys are read in
 * pages with values (at most EXPORT_PAGE_LIMIT keys each, fewer when values are big; a page too
 * big for the client's receive limit is read again at half the size). Memory stays about one page.
 */
export async function exportKeys(
  service: KeyService,
  options: ExportOptions,
  sink: LineSink,
  control: TransferControl,
): Promise<{ revision: string; keys: number }> {
  const reader = service.ranges
  const whole = prefixRange(options.prefix)
  const counted = await reader.range({ range: whole, countOnly: true })
  const revision = counted.header.revision
  const total = Number(counted.count)
  await sink(
    jsonLine({
      format: EXPORT_FORMAT,
      version: EXPORT_FORMAT_VERSION,
      cluster: options.cluster,
      revision,
      prefix: encodeBase64(options.prefix),
      count: total,
      exportedAt: new Date().toISOString(),
    }),
  )
  control.progress(0, total)
  const leases = new LeaseTtls({ etcd: service.etcd, endpoints: service.endpointList })
  let start: Uint8Array | null = whole.key
  let limit = EXPORT_PAGE_LIMIT
  let done = 0
  while (start) {
    control.throwIfCancelled(done)
    const page = await readPage(service, { key: start, rangeEnd: whole.rangeEnd }, limit, revision)
    const lines: string[] = []
    let valueBytes = 0
    for (const kv of page.kvs) {
      lines.push(keyLine(kv.key, kv.value, await extras(kv, options, leases)))
      valueBytes += kv.key.length + kv.value.length
    }
    await sink(lines.join(''))
    done += page.kvs.length
    control.progress(done, total)
    const last = page.kvs[page.kvs.length - 1]
    start = page.more && last ? keyAfter(last.key) : null
    limit = nextLimit(valueBytes, page.kvs.length)
  }
  return { revision, keys: done }
}

/** The next page's limit: about EXPORT_PAGE_BYTES of keys and values, 1..EXPORT_PAGE_LIMIT. */
function nextLimit(bytes: number, keys: number): number {
  if (keys === 0 || bytes === 0) return EXPORT_PAGE_LIMIT
  const perKey = bytes / keys
  return Math.max(1, Math.min(EXPORT_PAGE_LIMIT, Math.floor(EXPORT_PAGE_BYTES / perKey)))
}

/** One page at the pinned revision; halves the limit while the answer exceeds the receive limit. */
async function readPage(
  service: KeyService,
  range: { key: Uint8Array; rangeEnd: Uint8Array },
  limit: number,
  revision: string,
): Promise<{ kvs: IKeyValue[]; more: boolean }> {
  for (let size = limit; ; size = Math.max(1, Math.floor(size / 2))) {
    try {
      // Never pinnedRange: a compacted revision must fail the export, not switch its revision.
      const response = await service.ranges.range({ range, limit: size, revision })
      return { kvs: response.kvs, more: response.more }
    } catch (error) {
      if (size === 1 || !isTooBigAnswer(error)) throw error
    }
  }
}

async function extras(
  kv: IKeyValue,
  options: ExportOptions,
  leases: LeaseTtls,
): Promise<Omit<ExportLine, 'key' | 'value'>> {
  const out: Omit<ExportLine, 'key' | 'value'> = {}
  if (options.withLeases && kv.lease !== '0') {
    const ttl = await leases.ttl(kv.lease)
    if (ttl !== null) out.lease = { id: kv.lease, ttl }
  }
  if (options.withRevisions) {
    out.createRevision = kv.create_revision
    out.modRevision = kv.mod_revision
  }
  return out
}

/** The TTL left of each lease met during an export, asked once per lease. */
class LeaseTtls {
  private readonly known = new Map<string, number | null>()

  constructor(private readonly client: LeaseClient) {}

  async ttl(id: string): Promise<number | null> {
    if (this.known.has(id)) return this.known.get(id) ?? null
    const ttl = await leaseTtl(this.client, id)
    // Why a cap: one entry per lease; an export of a keyspace of short-lived leases must not grow.
    if (this.known.size >= MAX_CACHED_LEASES) this.known.clear()
    this.known.set(id, ttl)
    return ttl
  }
}
