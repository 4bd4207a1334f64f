import { Etcd3 } from 'etcd3'
import type { Page } from 'playwright-core'
import type { ClusterView } from '../src/shared/cluster'
import { median, report } from './bench-support'
import { sleep, startUiBench } from './ui-bench-support'

const PREFIX = '/bench/'
const SIZES = [10_000, 100_000] as const
/** Measured runs per size (plus WARM_UP_RUNS unmeasured), alternating between the two sizes. */
const RUNS = 15
const WARM_UP_RUNS = 2
const TARGET_RATIO = 1.5
const TARGET_MS = 300
const PUTS_PER_TXN = 128
/** The Keys tab's page size (KEY_PAGE_SIZE in the renderer's use-key-list.ts, not importable here). */
const KEY_PAGE_SIZE = 200
const PARALLEL_TXNS = 8
/** Why: each run starts from a settled page, not while the cluster switch is still rendering. */
const SETTLE_MS = 300
/** Why: a first page that takes this long has failed the benchmark many times over. */
const FIRST_ROWS_DEADLINE_MS = 15_000

/** Milliseconds from the Keys tab click to each step of showing the first page. */
interface FirstRows {
  /** The `keys:list` request left on the WebSocket. */
  sent: number
  /** Its answer arrived (server: engine + etcd range). */
  answered: number
  /** A key row under the prefix is in the DOM. */
  inDom: number
  /** The animation frame that paints it starts: what the benchmark reports. */
  painted: number
}

/**
 * Runs in the page: clicks the Keys tab and times the steps up to the first key row under the
 * prefix, from inside the page so Playwright's own round trips are not counted. The WebSocket is
 * observed by wrapping its send(), which only records times.
 */
const MEASURE_IN_PAGE = `async ({ prefix, deadlineMs }) => {
  const marks = {}
  const proto = WebSocket.prototype
  const originalSend = proto.send
  proto.send = function (text) {
    const message = typeof text === 'string' ? JSON.parse(text) : null
    if (message && message.channel === 'keys:list' && marks.sent === undefined) {
      marks.sent = performance.now()
      const onAnswer = (event) => {
        if (JSON.parse(event.data).id !== message.id) return
        marks.answered = performance.now()
        this.removeEventListener('message', onAnswer)
      }
      this.addEventListener('message', onAnswer)
    }
    return originalSend.call(this, text)
  }
  const hasRow = () =>
    [...document.querySelectorAll('ul[aria-label="Keys"] li')].some((li) =>
      (li.textContent ?? '').startsWith(prefix),
    )
  const tab = document.getElementById('workspace-tab-keys')
  if (!tab) throw new Error('no Keys tab')
  if (tab.getAttribute('aria-selected') === 'true') throw new Error('Keys tab already open')
  try {
    return await new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        observer.disconnect()
        reject(new Error('no key row within ' + deadlineMs + ' ms'))
      }, deadlineMs)
      const observer = new MutationObserver(() => {
        if (!hasRow()) return
        observer.disconnect()
        clearTimeout(timer)
        marks.inDom = performance.now()
        requestAnimationFrame(() => {
          marks.painted = performance.now()
          const since = (t) => (t === undefined ? NaN : t - started)
          resolve({
            sent: since(marks.sent),
            answered: since(marks.answered),
            inDom: since(marks.inDom),
            painted: since(marks.painted),
          })
        })
      })
      observer.observe(document.body, { childList: true, subtree: true, characterData: true })
      const started = performance.now()
      tab.click()
    })
  } finally {
    proto.send = originalSend
  }
}`

/** An etcd3 client of a 1-member cluster. */
function clientOf(cluster: ClusterView): Etcd3 {
  const member = cluster.members[0]!
  return new Etcd3({ hosts: `http://${cluster.definition.host}:${member.clientPort}` })
}

/** Writes `count` keys of ~100-byte values under PREFIX, PARALLEL_TXNS txns of puts at a time. */
async function writeKeys(client: Etcd3, count: number): Promise<void> {
  const value = Buffer.from('v'.repeat(100))
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < count) {
      const from = next
      next = Math.min(count, next + PUTS_PER_TXN)
      const success = []
      for (let i = from; i < next; i++) {
        const key = Buffer.from(`${PREFIX}key-${String(i).padStart(7, '0')}`)
        success.push({ request_put: { key, value } })
      }
      await client.kv.txn({ success })
    }
  }
  await Promise.all(Array.from({ length: PARALLEL_TXNS }, worker))
}

/**
 * The floor under the UI: median time of the Range the engine sends for the first page (limit,
 * keys only), straight to etcd. etcd counts every key of the range to answer it (ETCD-FACTS
 * fact 4), so this part grows with the keyspace whatever the UI does.
 */
async function timeEtcdRange(client: Etcd3): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < RUNS * 2; i++) {
    const started = performance.now()
    await client.kv.range({
      key: Buffer.from(PREFIX),
      range_end: Buffer.from(prefixEnd(PREFIX)),
      limit: KEY_PAGE_SIZE,
      keys_only: true,
    })
    times.push(performance.now() - started)
  }
  return median(times)
}

/** The end of a prefix range: the prefix with its last character incremented (ASCII only). */
function prefixEnd(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1)
}

/** Shows a cluster's Members tab, so the next Keys click mounts a fresh Keys panel. */
async function selectCluster(page: Page, name: string): Promise<void> {
  const button = page
    .getByRole('navigation', { name: 'Clusters' })
    .getByRole('button')
    .filter({ hasText: name })
  await button.click()
  await page.getByRole('heading', { level: 1, name }).waitFor()
  // Already shown (the order alternates), its Keys tab may still be open.
  await page.getByRole('tab', { name: 'Members' }).click()
  await page.getByRole('tab', { name: 'Members', selected: true }).waitFor()
  await sleep(SETTLE_MS)
}

async function timeFirstRows(page: Page, cluster: string): Promise<FirstRows> {
  await selectCluster(page, cluster)
  const arg = JSON.stringify({ prefix: PREFIX, deadlineMs: FIRST_ROWS_DEADLINE_MS })
  return page.evaluate<FirstRows>(`(${MEASURE_IN_PAGE})(${arg})`)
}

/** "click→sent a, →answered b, →in DOM c, →painted d" from the medians of each step. */
function breakdown(runs: readonly FirstRows[]): string {
  const at = (step: keyof FirstRows): string => median(runs.map((r) => r[step])).toFixed(1)
  return `click→request sent ${at('sent')}, →answer ${at('answered')}, →row in DOM ${at('inDom')}, →painted ${at('painted')} ms`
}

/**
 * keys-first-page: in browser mode, from the click on the Keys tab to the first key rows painted,
 * for a 1-member cluster holding 100,000 keys under /bench/ vs. one holding 10,000 (each cluster
 * holds only those keys, so the tab lists exactly the /bench/ prefix). The ratio shows whether
 * the first page costs more with a bigger keyspace.
 */
export async function keysFirstPage(): Promise<void> {
  const bench = await startUiBench('keys')
  const clients: Etcd3[] = []
  try {
    const names = SIZES.map((size) => `keys-${size / 1000}k`)
    for (const [i, size] of SIZES.entries()) {
      clients.push(clientOf(await bench.createCluster(names[i]!)))
      const started = performance.now()
      await writeKeys(clients[i]!, size)
      console.log(`wrote ${size} keys in ${Math.round(performance.now() - started)} ms`)
    }
    const { page, pageErrors } = await bench.openPage()
    const runs: FirstRows[][] = SIZES.map(() => [])
    for (let run = 0; run < WARM_UP_RUNS + RUNS; run++) {
      // Alternate which size goes first so both see the same machine state.
      const order = run % 2 === 0 ? [0, 1] : [1, 0]
      for (const i of order) {
        const measured = await timeFirstRows(page, names[i]!)
        if (run >= WARM_UP_RUNS) runs[i]!.push(measured)
      }
      if (run >= WARM_UP_RUNS) {
        const line = SIZES.map((s, i) => `${s / 1000}k ${runs[i]!.at(-1)!.painted.toFixed(0)} ms`)
        console.log(`run ${run - WARM_UP_RUNS + 1}/${RUNS}: ${line.join(', ')}`)
      }
    }
    if (pageErrors.length > 0) throw new Error(`page errors: ${pageErrors.join('; ')}`)
    for (const [i, size] of SIZES.entries()) {
      const etcdMs = await timeEtcdRange(clients[i]!)
      console.log(
        `${size / 1000}k: ${breakdown(runs[i]!)}; etcd Range alone ${etcdMs.toFixed(1)} ms`,
      )
    }
    const [small, large] = runs.map((r) => median(r.map((m) => m.painted))) as [number, number]
    console.log(
      `median first rows: 10k keys ${small.toFixed(0)} ms, 100k keys ${large.toFixed(0)} ms`,
    )
    console.log(
      `100k median ${large.toFixed(0)} ms ${large <= TARGET_MS ? '≤' : '>'} ${TARGET_MS} ms target: ${large <= TARGET_MS ? 'met' : 'MISSED'}`,
    )
    report('keys-first-page', large / small, TARGET_RATIO)
  } finally {
    for (const client of clients) client.close()
    await bench.close()
  }
}
