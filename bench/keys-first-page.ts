import type { Etcd3 } from 'etcd3'
import type { Page } from 'playwright-core'
import { median } from './bench-support'
import { clientOf, writeKeys } from './key-fill'
import type { EtcdDeskApi } from '../src/shared/contract'
import { sleep, startUiBench, valueOf } from './ui-bench-support'

const PREFIX = '/bench/'
const SIZES = [10_000, 100_000, 1_000_000] as const
/** Reopens measured per size (plus WARM_UP_RUNS unmeasured), rotating which size goes first. */
const RUNS = 9
const WARM_UP_RUNS = 1
const TARGET_RATIO = 1.5
const TARGET_MS = 300
/** Next pages timed per size. */
const NEXT_PAGES = 9
/** A small cluster opened once before measuring, so no first open pays for the first of all. */
const WARM_UP_CLUSTER = 'keys-warm-up'
/** Runs of the bare etcd Range per size (each walks the whole keyspace: 0.3 s at 10^6). */
const ETCD_RUNS = 7
/** The Keys tab's page size (KEY_PAGE_SIZE in the renderer's use-key-list.ts, not importable here). */
const KEY_PAGE_SIZE = 200
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

/**
 * The floor under the UI: median time of the Range the engine sends for the first page (limit,
 * keys only), straight to etcd. etcd counts every key of the range to answer it (ETCD-FACTS
 * fact 4), so this part grows with the keyspace whatever the UI does.
 */
async function timeEtcdRange(client: Etcd3): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < ETCD_RUNS; i++) {
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
 * for 1-member clusters holding 10^4, 10^5 and 10^6 keys under /bench/ (each cluster holds only
 * those keys, so the tab lists exactly the /bench/ prefix). Each cluster's first open is measured
 * once (the engine has never listed it), then reopens rotate between the sizes. The ratio shows
 * whether the first page costs more with a bigger keyspace.
 */
export async function keysFirstPage(): Promise<void> {
  const bench = await startUiBench('keys')
  const clients: Etcd3[] = []
  try {
    const names = SIZES.map((size) => `keys-${size / 1000}k`)
    for (const [i, size] of SIZES.entries()) {
      clients.push(clientOf(await bench.createCluster(names[i]!)))
      const ms = await writeKeys(clients[i]!, PREFIX, size)
      console.log(`wrote ${size} keys in ${Math.round(ms)} ms`)
    }
    // Unmeasured: the page's and the engine's first Keys tab (code loading, the first gRPC client).
    const warmUp = clientOf(await bench.createCluster(WARM_UP_CLUSTER))
    clients.push(warmUp)
    await writeKeys(warmUp, PREFIX, 1_000)
    const { page, pageErrors } = await bench.openPage()
    await timeFirstRows(page, WARM_UP_CLUSTER)
    const firsts: FirstRows[] = []
    for (const name of names) firsts.push(await timeFirstRows(page, name))
    console.log(
      `first open: ${SIZES.map((s, i) => `${s / 1000}k ${firsts[i]!.painted.toFixed(0)} ms`).join(', ')}`,
    )
    const reopens = await timeReopens(page, names)
    if (pageErrors.length > 0) throw new Error(`page errors: ${pageErrors.join('; ')}`)
    for (const [i, size] of SIZES.entries()) {
      const etcdMs = await timeEtcdRange(clients[i]!)

      console.log(
        `${size / 1000}k first open: ${breakdown([firsts[i]!])}; reopen: ${breakdown(reopens[i]!)}; etcd Range alone ${etcdMs.toFixed(1)} ms`,
      )
    }
    const reopen = reopens.map((r) => median(r.map((m) => m.painted)))
    console.log(
      `median reopen: ${SIZES.map((s, i) => `${s / 1000}k ${reopen[i]!.toFixed(0)} ms`).join(', ')} (10^6/10^4 ${(reopen[2]! / reopen[0]!).toFixed(2)})`,
    )
    const next: number[] = []
    for (const name of names) next.push(await timeNextPages(bench.api, name))
    console.log(
      `next page ("load more", engine only): ${SIZES.map((s, i) => `${s / 1000}k ${next[i]!.toFixed(1)} ms`).join(', ')}`,
    )
    const [small, , large] = firsts.map((f) => f.painted) as [number, number, number]
    console.log(
      `keys-first-page: first-open=${large.toFixed(0)} ms (target ≤ ${TARGET_MS}) ratio=${(large / small).toFixed(2)} (10^6/10^4, target ≤ ${TARGET_RATIO})`,
    )
  } finally {
    for (const client of clients) client.close()
    await bench.close()
  }
}

/** Median time of the engine's next pages after a first page (what scrolling the list asks). */
async function timeNextPages(api: EtcdDeskApi, cluster: string): Promise<number> {
  const prefix = new Uint8Array(Buffer.from(PREFIX))
  let page = valueOf(
    await api.request('keys:list', { cluster, prefix, limit: KEY_PAGE_SIZE }),
    'list',
  )
  const times: number[] = []
  for (let i = 0; i < NEXT_PAGES && page.nextKey; i++) {
    const started = performance.now()
    const arg = {
      cluster,
      prefix,
      startKey: new Uint8Array(page.nextKey),
      revision: page.revision,
      limit: KEY_PAGE_SIZE,
    }
    page = valueOf(await api.request('keys:list', arg), 'next page')
    times.push(performance.now() - started)
  }
  return median(times)
}

/** Reopen times per size: WARM_UP_RUNS + RUNS rounds, the order rotating each round. */
async function timeReopens(page: Page, names: string[]): Promise<FirstRows[][]> {
  const runs: FirstRows[][] = names.map(() => [])
  for (let run = 0; run < WARM_UP_RUNS + RUNS; run++) {
    const order = names.map((_, i) => (i + run) % names.length)
    for (const i of order) {
      const measured = await timeFirstRows(page, names[i]!)
      if (run >= WARM_UP_RUNS) runs[i]!.push(measured)
    }
    if (run >= WARM_UP_RUNS) {
      const line = SIZES.map((s, i) => `${s / 1000}k ${runs[i]!.at(-1)!.painted.toFixed(0)} ms`)
      console.log(`reopen ${run - WARM_UP_RUNS + 1}/${RUNS}: ${line.join(', ')}`)
    }
  }
  return runs
}
