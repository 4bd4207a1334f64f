import type { LogBatch, LogLine } from '../../shared/logs'

/**
 * How long lines collect before they are pushed to the window. Why: etcd can write hundreds of
 * lines a second during elections or compactions; one IPC message and one React render per
 * ~100 ms stays smooth, while a message per line would flood the window. 100 ms still reads as live.
 */
export const LOG_BATCH_INTERVAL_MS = 100

/**
 * Lines held between two pushes at most. Why: if lines arrive faster than the window can take
 * them, the oldest are dropped instead of growing memory; the window sees the gap in `seq` and
 * can ask for `since(seq)` from the member's ring.
 */
const MAX_PENDING_LINES = 10_000

/** Options of a LogBatcher. */
export interface LogBatcherOptions {
  cluster: string
  emit: (batch: LogBatch) => void
  intervalMs?: number
  maxPendingLines?: number
  /** Called when `emit` throws during a timed push (there is no caller to throw to). */
  onError?: (error: unknown) => void
}

/**
 * Collects a cluster's lines and emits them as one batch at most every `intervalMs`. The first
 * line after a quiet period starts the clock, so a line waits at most one interval.
 */
export class LogBatcher {
  private pending: LogLine[] = []
  private timer: ReturnType<typeof setTimeout> | undefined
  private isStopped = false
  private readonly intervalMs: number
  private readonly maxPending: number

  constructor(private readonly options: LogBatcherOptions) {
    this.intervalMs = options.intervalMs ?? LOG_BATCH_INTERVAL_MS
    this.maxPending = Math.max(1, options.maxPendingLines ?? MAX_PENDING_LINES)
  }

  /** Queues lines for the next batch; ignored after stop(). */
  add(lines: readonly LogLine[]): void {
    if (this.isStopped || lines.length === 0) return
    for (const line of lines) this.pending.push(line)
    if (this.pending.length > this.maxPending) {
      this.pending.splice(0, this.pending.length - this.maxPending)
    }
    // Why a timer: this is the batching interval itself (see LOG_BATCH_INTERVAL_MS).
    this.timer ??= setTimeout(() => this.flushFromTimer(), this.intervalMs)
  }

  /** Emits everything queued now, if anything is. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = undefined
    if (this.pending.length === 0) return
    const lines = this.pending
    this.pending = []
    this.options.emit({ cluster: this.options.cluster, lines })
  }

  /** Emits what is queued, then ignores further lines and holds no timer. */
  stop(): void {
    if (this.isStopped) return
    this.flush()
    this.isStopped = true
  }

  private flushFromTimer(): void {
    try {
      this.flush()
    } catch (error) {
      this.options.onError?.(error)
    }
  }
}
