import { spawn } from 'node:child_process'
import type { KeySearchUpdate } from '../src/shared/key-search'
import type { EtcdDeskApi } from '../src/shared/contract'
import { median } from './bench-support'
import { clientOf, writeKeys } from './key-fill'
import { startUiBench, valueOf } from './ui-bench-support'

const PREFIX = '/bench/'
const KEY_COUNT = 1_000_000
/** Matches 20 keys spread over the keyspace (key-0012345, key-0112345 … key-0123450 …). */
const PATTERN = '12345'
/** Measured runs of each side, alternating. */
const RUNS = 3
const TARGET_RATIO = 1.0
const TARGET_FIRST_MS = 200
/** Why: a search of 10^6 keys that takes this long has failed the benchmark many times over. */
const SEARCH_DEADLINE_MS = 120_000

/** One search through the engine: when the first match and the end arrived, how many matched. */
interface SearchRun {
  /** The engine answered keys:search (the revision was read; the scan runs). */
  startedMs: number
  firstMatchMs: number
  totalMs: number
  matches: number
}

/** Runs one search over the whole keyspace through the engine's contract (browser mode's API). */
async function searchThroughEngine(api: EtcdDeskApi, cluster: string): Promise<SearchRun> {
  const updates: KeySearchUpdate[] = []
  let searchId: string | null = null
  const started = performance.now()
  let firstMatchMs = NaN
  const done = new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('search did not end')), SEARCH_DEADLINE_MS)
    const off = api.subscribe('keys:search-update', (update) => {
      updates.push(update)
      const mine = updates.filter((u) => u.searchId === searchId)
      if (Number.isNaN(firstMatchMs) && mine.some((u) => u.matches.length > 0)) {
        firstMatchMs = performance.now() - started
      }
      const last = mine.at(-1)
      if (last && last.state !== 'running') {
        clearTimeout(timer)
        off()
        if (last.state === 'failed') reject(new Error(`search failed: ${last.error?.message}`))
        else resolve(performance.now() - started)
      }
    })
  })
  const answer = valueOf(
    await api.request('keys:search', {
      cluster,
      prefix: new Uint8Array(),
      pattern: PATTERN,
      mode: 'substring',
      maxResults: 1000,
    }),
    'keys:search',
  )
  searchId = answer.searchId
  const startedMs = performance.now() - started
  const totalMs = await done
  const matches = updates.filter((u) => u.searchId === searchId).flatMap((u) => u.matches).length
  return { startedMs, firstMatchMs, totalMs, matches }
}

/** The baseline: `etcdctl get "" --prefix --keys-only | grep PATTERN`, in a shell. */
function etcdctlGrep(endpoint: string): Promise<{ ms: number; lines: number }> {
  const started = performance.now()
  // --command-timeout: etcdctl's default 5 s is too short to receive 10^6 keys here.
  const command = `etcdctl --endpoints=${endpoint} --command-timeout=120s get "" --prefix --keys-only | grep ${PATTERN}`
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', command], {
      env: { ...process.env, ETCDCTL_API: '3' },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.on('error', reject)
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`etcdctl | grep exited with ${code}`))
      resolve({ ms: performance.now() - started, lines: out.split('\n').filter(Boolean).length })
    })
  })
}

/**
 * key-search: a substring search over 10^6 keys of a 1-member cluster through the engine (the
 * contract's keys:search, streamed pushes) against `etcdctl get "" --prefix --keys-only | grep`
 * in the same run, both finding the same 20 keys. As in the app, the Keys tab has listed the
 * keyspace's first page before a search starts (the Search view sits in that tab).
 */
export async function keySearch(): Promise<void> {
  const bench = await startUiBench('search')
  try {
    const cluster = await bench.createCluster('search-1m')
    const client = clientOf(cluster)
    const ms = await writeKeys(client, PREFIX, KEY_COUNT)
    client.close()
    console.log(`wrote ${KEY_COUNT} keys in ${Math.round(ms)} ms`)
    valueOf(
      await bench.api.request('keys:list', {
        cluster: 'search-1m',
        prefix: new Uint8Array(),
        limit: 200,
      }),
      'keys:list',
    )
    const endpoint = cluster.members[0]!.clientUrl
    const engineRuns: SearchRun[] = []
    const baseline: number[] = []
    for (let run = 0; run < RUNS; run++) {
      const engine = await searchThroughEngine(bench.api, 'search-1m')
      const grep = await etcdctlGrep(endpoint)
      if (engine.matches !== grep.lines) {
        throw new Error(`the engine found ${engine.matches} keys, etcdctl | grep ${grep.lines}`)
      }
      engineRuns.push(engine)
      baseline.push(grep.ms)
      console.log(
        `run ${run + 1}/${RUNS}: engine ${engine.totalMs.toFixed(0)} ms (answered ${engine.startedMs.toFixed(0)} ms, first match ${engine.firstMatchMs.toFixed(0)} ms), etcdctl | grep ${grep.ms.toFixed(0)} ms, ${engine.matches} matches`,
      )
    }
    const engineMs = median(engineRuns.map((r) => r.totalMs))
    const grepMs = median(baseline)
    const firstMs = median(engineRuns.map((r) => r.firstMatchMs))
    console.log(`median: engine ${engineMs.toFixed(0)} ms, etcdctl | grep ${grepMs.toFixed(0)} ms`)
    console.log(
      `key-search: ratio=${(engineMs / grepMs).toFixed(3)} (target ≤ ${TARGET_RATIO}) first-result=${firstMs.toFixed(0)} ms (target ≤ ${TARGET_FIRST_MS})`,
    )
  } finally {
    await bench.close()
  }
}
