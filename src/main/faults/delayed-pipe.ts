import type { Readable, Writable } from 'node:stream'

/**
 * Why 1 MiB: a delayed link holds what arrives during its delay (at most a snapshot's chunks);
 * beyond this the source is paused, so a slow link slows its sender instead of filling memory.
 */
const MAX_QUEUED_BYTES = 1024 * 1024

interface Queued {
  chunk: Buffer
  at: number
}

/**
 * One direction of a proxied connection: writes each chunk to `target`, `delayMs` after it
 * arrived, in arrival order (a chunk never overtakes an earlier one, even when the delay drops).
 * Respects backpressure on both sides; owns its one timer.
 */
export class DelayedPipe {
  /** Added to every chunk from now on. */
  delayMs = 0
  private readonly queue: Queued[] = []
  private queuedBytes = 0
  private lastAt = 0
  private timer: NodeJS.Timeout | null = null
  private isTargetFull = false
  private isEnding = false

  constructor(
    private readonly source: Readable,
    private readonly target: Writable,
    /** Told about every chunk held back, with how long. */
    private readonly onDelayed: (bytes: number, delayMs: number) => void = () => undefined,
  ) {
    target.on('drain', this.onDrain)
  }

  /** Forwards one chunk (now, or after the delay). */
  push(chunk: Buffer): void {
    const now = Date.now()
    if (this.delayMs === 0 && this.queue.length === 0) return this.write(chunk)
    const at = Math.max(now + this.delayMs, this.lastAt)
    this.lastAt = at
    this.queue.push({ chunk, at })
    this.queuedBytes += chunk.length
    this.onDelayed(chunk.length, at - now)
    this.updateFlow()
    this.schedule()
  }

  /** Ends the target once everything queued was written (the source ended). */
  end(): void {
    this.isEnding = true
    if (this.queue.length === 0) this.target.end()
  }

  /** Drops what is queued and the timer (the connection is gone). */
  dispose(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.queue.length = 0
    this.queuedBytes = 0
    this.target.off('drain', this.onDrain)
  }

  private schedule(): void {
    const first = this.queue[0]
    if (this.timer || !first) return
    this.timer = setTimeout(() => this.flushDue(), Math.max(0, first.at - Date.now()))
  }

  private flushDue(): void {
    this.timer = null
    const now = Date.now()
    while (this.queue[0] && this.queue[0].at <= now) {
      const { chunk } = this.queue.shift()!
      this.queuedBytes -= chunk.length
      this.write(chunk)
    }
    this.updateFlow()
    if (this.queue.length > 0) this.schedule()
    else if (this.isEnding) this.target.end()
  }

  private write(chunk: Buffer): void {
    if (this.target.destroyed) return
    if (!this.target.write(chunk)) {
      this.isTargetFull = true
      this.updateFlow()
    }
  }

  private readonly onDrain = (): void => {
    this.isTargetFull = false
    this.updateFlow()
  }

  private updateFlow(): void {
    const shouldPause = this.isTargetFull || this.queuedBytes > MAX_QUEUED_BYTES
    if (shouldPause && !this.source.isPaused()) this.source.pause()
    else if (!shouldPause && this.source.isPaused()) this.source.resume()
  }
}
