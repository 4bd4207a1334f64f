import { Etcd3, type IRequestOp } from 'etcd3'

/** etcd's default --max-txn-ops: the most puts one Txn may carry. */
const MAX_TXN_OPS = 128
/** Txns in flight while seeding: enough to keep one local member busy. */
const SEED_CONCURRENCY = 8

/** UTF-8 bytes of a string. */
export const bytes = (text: string): Uint8Array => new TextEncoder().encode(text)

/** Text of UTF-8 bytes. */
export const text = (data: Uint8Array): string => new TextDecoder().decode(data)

/** Writes many keys fast with Txns of at most 128 puts, a few in flight (test seeding only). */
export async function seedKeys(
  endpoint: string,
  entries: Iterable<[Uint8Array | string, Uint8Array | string]>,
): Promise<void> {
  const client = new Etcd3({ hosts: endpoint })
  try {
    const batches: IRequestOp[][] = [[]]
    for (const [key, value] of entries) {
      let batch = batches[batches.length - 1] as IRequestOp[]
      if (batch.length === MAX_TXN_OPS) batches.push((batch = []))
      batch.push({ request_put: { key: Buffer.from(key), value: Buffer.from(value) } })
    }
    let next = 0
    const worker = async (): Promise<void> => {
      while (next < batches.length) {
        const batch = batches[next++] as IRequestOp[]
        if (batch.length > 0) await client.kv.txn({ success: batch })
      }
    }
    await Promise.all(Array.from({ length: SEED_CONCURRENCY }, worker))
  } finally {
    client.close()
  }
}
