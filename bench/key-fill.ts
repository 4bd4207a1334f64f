import { Etcd3 } from 'etcd3'
import type { ClusterView } from '../src/shared/cluster'

/** etcd's default --max-txn-ops: the most puts one Txn may carry. */
const PUTS_PER_TXN = 128
/** Txns in flight: enough to keep a local 1-member etcd busy on 2 cores. */
const PARALLEL_TXNS = 16

/** An etcd3 client of a 1-member cluster. */
export function clientOf(cluster: ClusterView): Etcd3 {
  const member = cluster.members[0]!
  return new Etcd3({ hosts: `http://${cluster.definition.host}:${member.clientPort}` })
}

/** The bench's key names: `${prefix}key-0000000` … in ascending order. */
export function benchKey(prefix: string, i: number): string {
  return `${prefix}key-${String(i).padStart(7, '0')}`
}

/**
 * Writes `count` keys (benchKey) with ~100-byte values, in Txns of PUTS_PER_TXN puts,
 * PARALLEL_TXNS at a time: 10^6 keys in well under a minute.
 */
export async function writeKeys(client: Etcd3, prefix: string, count: number): Promise<number> {
  const started = performance.now()
  const value = Buffer.from('v'.repeat(100))
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < count) {
      const from = next
      next = Math.min(count, next + PUTS_PER_TXN)
      const success = []
      for (let i = from; i < next; i++) {
        success.push({ request_put: { key: Buffer.from(benchKey(prefix, i)), value } })
      }
      await client.kv.txn({ success })
    }
  }
  await Promise.all(Array.from({ length: PARALLEL_TXNS }, worker))
  return performance.now() - started
}
