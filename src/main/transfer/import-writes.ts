import type { ICompare, IRequestOp, KVClient } from 'etcd3'
import { toEngineError } from '../keys/etcd-error-mapping'
import { toBuffer } from '../keys/key-bytes'

/** etcd's default --max-txn-ops: the most compares, and the most puts, one Txn may carry. */
const MAX_TXN_OPS = 128

/**
 * Key and value bytes one write Txn carries at most (a single bigger key goes alone). Why 1 MiB:
 * etcd refuses a request above --max-request-bytes, 1.5 MiB by default, compares included.
 */
const WRITE_TXN_BYTES = 1024 * 1024

/** One put of an import. */
export interface ImportWrite {
  key: Uint8Array
  value: Uint8Array
  /** Put only while the key's mod revision is this ('0': only while absent); none = always. */
  expectModRevision?: string
  /** The lease to attach (a new lease granted for the file's TTL). */
  lease?: string
}

/**
 * Writes a batch with as few Txns as the size limits allow: each Txn carries its puts and their
 * compares, so it applies all of them or none. When one fails its compares, its writes are tried
 * one Txn each, so only the keys that really changed are left out. Answers, per write, whether
 * it was applied (false = its compare failed: a conflict).
 */
export async function writeBatch(
  kv: KVClient,
  endpoints: readonly string[],
  writes: ImportWrite[],
): Promise<boolean[]> {
  const applied: boolean[] = []
  for (const group of groups(writes)) {
    if (await sendTxn(kv, endpoints, group)) {
      applied.push(...group.map(() => true))
      continue
    }
    for (const write of group) applied.push(await sendTxn(kv, endpoints, [write]))
  }
  return applied
}

/** Splits writes into Txn-sized groups (ops and bytes). */
function groups(writes: ImportWrite[]): ImportWrite[][] {
  const out: ImportWrite[][] = []
  let group: ImportWrite[] = []
  let bytes = 0
  for (const write of writes) {
    const size = write.key.length * 2 + write.value.length
    if (group.length > 0 && (group.length >= MAX_TXN_OPS || bytes + size > WRITE_TXN_BYTES)) {
      out.push(group)
      group = []
      bytes = 0
    }
    group.push(write)
    bytes += size
  }
  if (group.length > 0) out.push(group)
  return out
}

async function sendTxn(
  kv: KVClient,
  endpoints: readonly string[],
  writes: ImportWrite[],
): Promise<boolean> {
  const compare: ICompare[] = []
  const success: IRequestOp[] = []
  for (const write of writes) {
    const key = toBuffer(write.key)
    if (write.expectModRevision !== undefined) {
      compare.push({ key, target: 'Mod', result: 'Equal', mod_revision: write.expectModRevision })
    }
    success.push({
      request_put: {
        key,
        value: toBuffer(write.value),
        ...(write.lease ? { lease: write.lease } : {}),
      },
    })
  }
  try {
    return (await kv.txn({ compare, success })).succeeded
  } catch (error) {
    const first = writes[0]
    throw toEngineError(error, {
      endpoints,
      operation: 'import put',
      isWrite: true,
      ...(writes.length === 1 && first ? { key: first.key } : {}),
    })
  }
}
