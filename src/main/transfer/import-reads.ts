import type { IRequestOp, KVClient } from 'etcd3'
import { EngineError } from '../errors/engine-error'
import { isCompactedError, toEngineError } from '../keys/etcd-error-mapping'
import { toBuffer } from '../keys/key-bytes'
import { isTooBigAnswer } from '../keys/too-big-answer'

/** A key as the cluster holds it: its value and mod revision. */
interface HeldKey {
  value: Buffer
  modRevision: string
}

/** What a batch of keys looks like in the cluster. */
export interface BatchState {
  /** Per key, in the batch's order: what it holds now (or at `revision`), null when absent. */
  held: (HeldKey | null)[]
  /** Per key, its mod revision at the preview's revision ('0': absent then); null unless asked. */
  atPreview: string[] | null
}

/** Where the reads go and which revisions they read. */
export interface BatchReadOptions {
  kv: KVClient
  endpoints: readonly string[]
  /** Read the values at this revision; absent = the latest. */
  revision?: string
  /** Also read each key's mod revision at this revision (a compare-and-swap import). */
  previewRevision?: string
}

/**
 * Reads a batch of keys with one Txn of single-key Ranges (one per key, plus one keys-only Range
 * at the preview's revision each when asked): a Txn's reads all see one revision. The caller
 * keeps the batch within etcd's --max-txn-ops (128 ops). An answer above the client's receive
 * limit (many big values) is read again as two halves.
 */
export async function readBatchState(
  keys: Uint8Array[],
  options: BatchReadOptions,
): Promise<BatchState> {
  try {
    return await readOnce(keys, options)
  } catch (error) {
    if (keys.length < 2 || !isTooBigAnswer(error)) throw error
  }
  const half = Math.ceil(keys.length / 2)
  const first = await readBatchState(keys.slice(0, half), options)
  const second = await readBatchState(keys.slice(half), options)
  return {
    held: [...first.held, ...second.held],
    atPreview:
      first.atPreview && second.atPreview ? [...first.atPreview, ...second.atPreview] : null,
  }
}

async function readOnce(keys: Uint8Array[], options: BatchReadOptions): Promise<BatchState> {
  const ops: IRequestOp[] = keys.map((key) => ({
    request_range: { key: toBuffer(key), limit: 1, revision: options.revision ?? 0 },
  }))
  const preview = options.previewRevision
  if (preview) {
    for (const key of keys) {
      ops.push({
        request_range: { key: toBuffer(key), limit: 1, revision: preview, keys_only: true },
      })
    }
  }
  let responses
  try {
    responses = (await options.kv.txn({ success: ops })).responses
  } catch (error) {
    const context = { endpoints: options.endpoints, operation: 'txn' }
    const mapped = toEngineError(error, context)
    if (!isCompactedError(error)) throw mapped
    throw new EngineError(
      'ETCD_REQUEST_FAILED',
      `History at revision ${preview ?? options.revision ?? 'latest'} was compacted since the preview; preview the file again.`,
      mapped.detail as EngineError<'ETCD_REQUEST_FAILED'>['detail'],
    )
  }
  const held = keys.map((_, i): HeldKey | null => {
    const kv = responses[i]?.response_range?.kvs[0]
    return kv ? { value: kv.value, modRevision: kv.mod_revision } : null
  })
  const atPreview = preview
    ? keys.map((_, i) => responses[keys.length + i]?.response_range?.kvs[0]?.mod_revision ?? '0')
    : null
  return { held, atPreview }
}
