import type { ExportHeader } from '../../shared/transfer'
import { parseHeader, parseKeyLine, type ImportEntry } from './export-format'
import { readLines } from './jsonl-lines'

/** How big one batch of an import file may get. */
export interface BatchLimits {
  /** Keys per batch (a Txn carries at most etcd's --max-txn-ops, 128 by default). */
  maxKeys: number
  /** Key and value bytes per batch; a batch holds at least one key whatever its size. */
  maxBytes: number
}

/** Reads only the header line of an import file. */
export async function readImportHeader(path: string, name: string): Promise<ExportHeader> {
  for await (const line of readLines(path, name)) return parseHeader(name, line)
  return parseHeader(name, undefined)
}

/**
 * The key lines of an import file in bounded batches, streamed: at most `maxKeys` keys and about
 * `maxBytes` bytes each, and never the same key twice in one batch (etcd refuses a Txn that puts
 * a key twice; a file that repeats a key is applied in order, the last line wins).
 */
export async function* importBatches(
  path: string,
  name: string,
  limits: BatchLimits,
): AsyncGenerator<ImportEntry[]> {
  let batch: ImportEntry[] = []
  let bytes = 0
  let keys = new Set<string>()
  let isHeader = true
  for await (const line of readLines(path, name)) {
    if (isHeader) {
      parseHeader(name, line)
      isHeader = false
      continue
    }
    const entry = parseKeyLine(name, line)
    const id = Buffer.from(entry.key.buffer, entry.key.byteOffset, entry.key.length).toString(
      'latin1',
    )
    const size = entry.key.length + entry.value.length
    const isFull = batch.length >= limits.maxKeys || bytes + size > limits.maxBytes
    if (batch.length > 0 && (isFull || keys.has(id))) {
      yield batch
      batch = []
      bytes = 0
      keys = new Set()
    }
    batch.push(entry)
    keys.add(id)
    bytes += size
  }
  if (isHeader) parseHeader(name, undefined)
  if (batch.length > 0) yield batch
}
