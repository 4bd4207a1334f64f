import { closeSync, existsSync, openSync, writeSync } from 'node:fs'
import type { CDPSession, Page } from 'playwright-core'
import { DataLayout } from '../src/main/store/data-layout'
import { report } from './bench-support'
import { sleep, startUiBench } from './ui-bench-support'

const LINES_PER_SECOND = 5_000
/** Run length; BENCH_LOGS_SECONDS shortens it while iterating. */
const SECONDS = Number(process.env.BENCH_LOGS_SECONDS ?? 60)
const TARGET_LONGEST_TASK_MS = 200
/** The renderer heap cap: far above what a 20,000-line window needs, far below a leak's minute. */
const HEAP_CAP_MB = 150
/** Why 10 ms: each write then carries ~50 lines, close to a steady stream without a busy loop. */
const WRITE_TICK_MS = 10
/** Why 5 s: a dozen heap samples over the default minute, each a cheap CDP call. */
const SAMPLE_EVERY_MS = 5_000
/** Why: the engine pushes every ~100 ms; the last line showing later than this is a failure. */
const LAST_LINE_DEADLINE_MS = 10_000

/**
 * Runs in the page: records every long task (≥ 50 ms, PerformanceObserver 'longtask') and, for
 * shorter blocks, the longest gap between ticks of a 10 ms timer.
 */
export const OBSERVE_MAIN_THREAD = `(() => {
  const state = { tasks: [], maxGap: 0, last: performance.now() }
  globalThis.__bench = state
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) state.tasks.push(e.duration)
  }).observe({ type: 'longtask' })
  setInterval(() => {
    const now = performance.now()
    state.maxGap = Math.max(state.maxGap, now - state.last)
    state.last = now
  }, 10)
})()`

/** Runs in the page: blocks the main thread for 80 ms, a long task the observer must report. */
const BLOCK_80_MS = `new Promise((resolve) => setTimeout(() => {
  const started = performance.now()
  while (performance.now() - started < 80) {}
  resolve()
}))`

/** Runs in the page: what was recorded so far, then starts afresh. */
export const TAKE_MAIN_THREAD = `(() => {
  const state = globalThis.__bench
  const taken = { tasks: [...state.tasks], maxGap: state.maxGap }
  state.tasks.length = 0
  state.maxGap = 0
  state.last = performance.now()
  return taken
})()`

/** What OBSERVE_MAIN_THREAD recorded. */
export interface MainThread {
  tasks: number[]
  maxGap: number
}

/** Installs the observers and proves the long-task one works here (a silent 0 would pass). */
export async function observeMainThread(page: Page): Promise<void> {
  await page.evaluate(OBSERVE_MAIN_THREAD)
  await page.evaluate(BLOCK_80_MS)
  const started = performance.now()
  // Why 5 s: long-task entries are delivered asynchronously, normally within a frame or two.
  while ((await page.evaluate<MainThread>('globalThis.__bench')).tasks.length === 0) {
    if (performance.now() - started > 5_000) throw new Error('no longtask entry for an 80 ms task')
    await sleep(50)
  }
  await page.evaluate(TAKE_MAIN_THREAD)
}

/** Runs in the page: the highest "bench line N" among the rendered log rows (-1 if none). */
const LAST_SHOWN_LINE = `(() => {
  let last = -1
  for (const row of document.querySelectorAll('[role="log"] .log-line__msg')) {
    const match = /bench line (\\d+)/.exec(row.textContent ?? '')
    if (match) last = Math.max(last, Number(match[1]))
  }
  return last
})()`

/** One zap JSON line as etcd 3.4 writes it with --logger=zap. */
function zapLine(n: number, ts: string): string {
  return `${JSON.stringify({
    level: 'info',
    ts,
    caller: 'bench/logs-throughput.go:42',
    msg: `bench line ${n}`,
    'local-member-id': '8e9e05c52164694d',
    n,
  })}\n`
}

/** Appends LINES_PER_SECOND lines to `file`, paced by elapsed time (timer jitter is made up). */
function startWriter(file: string): { written: () => number; stop: () => void } {
  const fd = openSync(file, 'a')
  const started = performance.now()
  let written = 0
  const timer = setInterval(() => {
    const due = Math.floor(((performance.now() - started) * LINES_PER_SECOND) / 1000)
    if (due <= written) return
    const ts = new Date().toISOString()
    let chunk = ''
    for (; written < due; written++) chunk += zapLine(written, ts)
    writeSync(fd, chunk)
  }, WRITE_TICK_MS)
  return {
    written: () => written,
    stop: () => {
      clearInterval(timer)
      closeSync(fd)
    },
  }
}

async function heapMb(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics')
  const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN
  return used / 1024 / 1024
}

async function waitForLine(page: Page, n: number, deadlineMs: number): Promise<number> {
  const started = performance.now()
  while (performance.now() - started < deadlineMs) {
    if ((await page.evaluate<number>(LAST_SHOWN_LINE)) >= n) return performance.now() - started
    await sleep(50)
  }
  throw new Error(`line ${n} was not shown within ${deadlineMs} ms`)
}

/**
 * logs-throughput: with the Logs tab of a running 1-member cluster open and following, 5,000 zap
 * lines/s are appended to the member's log file (the engine tails it and pushes batches). The
 * page must stay responsive (longest main-thread task ≤ 200 ms) and its JS heap under a fixed cap.
 */
export async function logsThroughput(): Promise<void> {
  const bench = await startUiBench('logs')
  let writer: ReturnType<typeof startWriter> | undefined
  try {
    const cluster = await bench.createCluster('logs')
    const member = cluster.members[0]!.name
    const file = new DataLayout(bench.server.dataDir).memberLogFile('logs', member)
    if (!existsSync(file)) throw new Error(`no member log file at ${file}`)
    const { page, pageErrors } = await bench.openPage()
    await page.getByRole('tab', { name: 'Logs' }).click()
    await page.getByRole('log', { name: 'Log lines' }).locator('.log-line').first().waitFor()
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Performance.enable')
    await cdp.send('HeapProfiler.collectGarbage')
    console.log(`heap before: ${(await heapMb(cdp)).toFixed(1)} MB (after GC, Logs tab open)`)

    await observeMainThread(page)
    writer = startWriter(file)
    const started = performance.now()
    const heap: { at: number; mb: number }[] = []
    for (let at = SAMPLE_EVERY_MS; at <= SECONDS * 1000; at += SAMPLE_EVERY_MS) {
      await sleep(started + at - performance.now())
      heap.push({ at: at / 1000, mb: await heapMb(cdp) })
      const lag = writer.written() - 1 - (await page.evaluate<number>(LAST_SHOWN_LINE))
      console.log(`${at / 1000} s: heap ${heap.at(-1)!.mb.toFixed(1)} MB, page ${lag} lines behind`)
    }
    writer.stop()
    const total = writer.written()
    writer = undefined
    const catchUpMs = await waitForLine(page, total - 1, LAST_LINE_DEADLINE_MS)
    const mainThread = await page.evaluate<MainThread>(TAKE_MAIN_THREAD)
    const longest = Math.max(0, ...mainThread.tasks)
    await cdp.send('HeapProfiler.collectGarbage')
    const afterGc = await heapMb(cdp)
    if (pageErrors.length > 0) throw new Error(`page errors: ${pageErrors.join('; ')}`)

    const maxRaw = Math.max(...heap.map((h) => h.mb))
    const at = (s: number): string => heap.find((h) => h.at === s)?.mb.toFixed(1) ?? 'n/a'
    console.log(
      `${total} lines in ${SECONDS} s; last line shown ${catchUpMs.toFixed(0)} ms after the last write`,
    )
    console.log(
      `long tasks (≥ 50 ms): ${mainThread.tasks.length}, longest ${longest.toFixed(0)} ms (target ≤ ${TARGET_LONGEST_TASK_MS} ms); longest gap between 10 ms timer ticks ${mainThread.maxGap.toFixed(0)} ms`,
    )
    console.log(
      `heap at 10 s ${at(10)} MB, at ${SECONDS} s ${at(SECONDS)} MB, max sampled ${maxRaw.toFixed(1)} MB, after GC at the end ${afterGc.toFixed(1)} MB; cap ${HEAP_CAP_MB} MB: ${maxRaw <= HEAP_CAP_MB && afterGc <= HEAP_CAP_MB ? 'under' : 'OVER'}`,
    )
    report('logs-throughput', longest / TARGET_LONGEST_TASK_MS, 1)
  } finally {
    writer?.stop()
    await bench.close()
  }
}
