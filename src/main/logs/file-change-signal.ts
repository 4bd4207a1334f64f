import { watch, type FSWatcher } from 'node:fs'
import { basename, dirname } from 'node:path'

/**
 * Safety-net poll of the file's size. Why: fs.watch misses changes on network and some container
 * or WSL file systems, Windows may report a growing file late while the writer keeps it open, and
 * a folder that does not exist yet cannot be watched at all. One stat a second per member costs
 * next to nothing (3 members ≈ 3 stats/s) and bounds the delay when watching fails.
 */
const LOG_POLL_INTERVAL_MS = 1_000

/**
 * Delay between a change event and the read. Why: inotify reports every write, and a busy etcd
 * writes in bursts; one read per burst keeps CPU low, and the window batches at 100 ms anyway.
 */
const WATCH_COALESCE_MS = 20

/**
 * Calls `onChange` soon after a file may have changed: on fs.watch events for it (coalesced) and
 * on every poll tick. Cheap when idle: no work between ticks, and a tick is one callback.
 */
export class FileChangeSignal {
  private watcher: FSWatcher | undefined
  private pollTimer: ReturnType<typeof setInterval> | undefined
  private coalesceTimer: ReturnType<typeof setTimeout> | undefined
  private isStopped = false

  constructor(
    private readonly file: string,
    private readonly onChange: () => void,
    private readonly pollIntervalMs = LOG_POLL_INTERVAL_MS,
  ) {}

  /** Starts watching and polling, and signals once right away. */
  start(): void {
    if (this.pollTimer || this.isStopped) return
    // Why an interval: the polling fallback (see LOG_POLL_INTERVAL_MS). unref: a log tail must
    // never be what keeps the engine process alive.
    this.pollTimer = setInterval(() => this.tick(), this.pollIntervalMs)
    this.pollTimer.unref()
    this.tick()
  }

  /** Releases the watcher and the timers; no signal follows. */
  stop(): void {
    this.isStopped = true
    this.watcher?.close()
    this.watcher = undefined
    if (this.pollTimer) clearInterval(this.pollTimer)
    if (this.coalesceTimer) clearTimeout(this.coalesceTimer)
    this.pollTimer = this.coalesceTimer = undefined
  }

  private tick(): void {
    this.ensureWatching()
    this.onChange()
  }

  /** Watches the folder, not the file: that sees the file appear and survives its replacement. */
  private ensureWatching(): void {
    if (this.watcher || this.isStopped) return
    const name = basename(this.file)
    try {
      // persistent: false, for the same reason as the poll timer's unref.
      this.watcher = watch(dirname(this.file), { persistent: false }, (_event, changed) => {
        if (!changed || changed === name) this.onWatchEvent()
      })
    } catch {
      return // the folder does not exist yet; the next tick tries again
    }
    this.watcher.on('error', () => {
      this.watcher?.close()
      this.watcher = undefined
    })
  }

  private onWatchEvent(): void {
    if (this.coalesceTimer || this.isStopped) return
    // Why a timer: coalescing bursts of change events (see WATCH_COALESCE_MS).
    this.coalesceTimer = setTimeout(() => {
      this.coalesceTimer = undefined
      if (!this.isStopped) this.onChange()
    }, WATCH_COALESCE_MS)
    this.coalesceTimer.unref()
  }
}
