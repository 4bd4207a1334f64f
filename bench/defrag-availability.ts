import { join } from 'node:path'
import { Etcd3, type IRequestOp } from 'etcd3'
import { Engine } from '../src/main/engine/engine'
import { formatBytes } from '../src/shared/bytes'
import { benchMembers, scratchDir } from './bench-support'

const KEYS = 100_000
const VALUE = 'v'.repeat(100)
/** etcd's default --max-txn-ops: the most puts one Txn may carry. */
const PUTS_PER_TXN = 128
const PARALLEL_TXNS = 8
/** The probe must have written before the defragmentation too, or "failed=0" would mean nothing. */
const WARM_UP_WRITES = 20
/** Why 100 ms: a cheap look at the probe's totals while it warms up (it writes every 50 ms). */
const WARM_UP_POLL_MS = 100

/**
 * defrag-availability: what clients see while the engine defragments a 3-member cluster holding
 * 100,000 keys (written twice, then compacted, so half the backend is free pages). The write
 * probe (the engine's own, as the Members tab starts it) writes through every voting member
 * meanwhile; the engine goes follower by follower, moves leadership off the leader, then
 * defragments it. Target: no failed write. p99 is the probe's over its last minute, the figure
 * its panel shows (warm-up included: the defragmentation itself lasts a few seconds).
 */
export async function defragAvailability(): Promise<void> {
  const { dir, cleanup } = scratchDir('defrag')
  let engine: Engine | null = null
  try {
    engine = await Engine.open({ dataDir: join(dir, 'engine') })
    const members = await benchMembers(3)
    await engine.createCluster({ name: 'bench', members, etcdVersion: 'system', host: '127.0.0.1' })
    const endpoint = engine.getCluster('bench').members[0]!.clientUrl
    for (let round = 0; round < 2; round++) await seed(endpoint, round)
    const { revision } = await engine.maintenance.compact('bench')
    console.log(`seeded ${KEYS} keys twice, compacted at revision ${revision}`)
    await engine.probes.start('bench')
    let before = engine.probes.stats('bench').totals
    while (before.ok + before.failed < WARM_UP_WRITES) {
      await new Promise((r) => setTimeout(r, WARM_UP_POLL_MS))
      before = engine.probes.stats('bench').totals
    }
    console.log(`probe before: ${before.ok} ok, ${before.failed} failed`)
    const report = await engine.maintenance.defragment('bench')
    for (const s of report.steps) {
      const moved = s.leaderMovedTo ? ` (leadership moved to ${s.leaderMovedTo} first)` : ''
      console.log(
        `${s.member}${s.wasLeader ? ' [leader]' : ''}: ${formatBytes(s.before.dbSize)} → ${formatBytes(s.after.dbSize)} in ${s.tookMs} ms${moved}`,
      )
    }
    const failed = report.probe?.failed ?? NaN
    console.log(`probe during: ${report.probe?.ok ?? 0} ok, ${failed} failed`)
    const stats = await engine.probes.stop('bench')
    if (stats.lastError) console.log(`  last failed write: ${stats.lastError}`)
    console.log(`defrag-availability: failed=${failed} (target 0) p99=${stats.p99Ms ?? NaN} ms`)
  } finally {
    await engine?.close()
    cleanup()
  }
}

/** Writes every key once (round `round` gives each a new value), in Txns of 128 puts. */
async function seed(endpoint: string, round: number): Promise<void> {
  const client = new Etcd3({ hosts: endpoint })
  try {
    let next = 0
    const worker = async (): Promise<void> => {
      while (next < KEYS) {
        const from = next
        next += PUTS_PER_TXN
        const ops: IRequestOp[] = []
        for (let i = from; i < Math.min(from + PUTS_PER_TXN, KEYS); i++) {
          ops.push({
            request_put: {
              key: Buffer.from(`/bench/${i}`),
              value: Buffer.from(`${round}${VALUE}`),
            },
          })
        }
        await client.kv.txn({ success: ops })
      }
    }
    await Promise.all(Array.from({ length: PARALLEL_TXNS }, worker))
  } finally {
    client.close()
  }
}
