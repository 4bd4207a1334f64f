import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { Etcd3, type IRequestOp } from 'etcd3'

const run = promisify(execFile)

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

/** Runs etcdctl (API v3) against one endpoint and returns its stdout. */
export async function etcdctl(endpoint: string, ...args: string[]): Promise<string> {
  const bin = process.env.ETCDCTL_BIN ?? '/usr/bin/etcdctl'
  const { stdout } = await run(bin, [`--endpoints=${endpoint}`, ...args], {
    env: { ...process.env, ETCDCTL_API: '3' },
  })
  return stdout
}

/** Polls `check` until it returns true; fails after `ms` (events arrive asynchronously). */
export async function waitFor(check: () => boolean, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
