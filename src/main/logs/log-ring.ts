import type { LogLine } from '../../shared/logs'

/** Lines kept per member by default (the window shows these; older ones stay on disk). */
export const DEFAULT_RING_LINES = 5_000
/** Bytes of raw text kept per member by default, so a flood of long lines stays bounded too. */
export const DEFAULT_RING_BYTES = 4 * 1024 * 1024

/** Caps of a LogRing; a cap of 0 or less is treated as 1 line. */
export interface LogRingOptions {
  maxLines?: number
  /** Measured as the length of each line's raw text (close to bytes for etcd's ASCII output). */
  maxBytes?: number
}

/**
 * A capped in-memory buffer of one member's lines. It numbers lines 1, 2, 3 … without gaps, so
 * `since(seq)` is a constant-time index and a reader that falls behind sees where its gap starts.
 */
export class LogRing {
  private readonly maxLines: number
  private readonly maxBytes: number
  private readonly slots: (LogLine | undefined)[]
  private head = 0
  private count = 0
  private bytes = 0
  private nextSeq = 1

  constructor(options: LogRingOptions = {}) {
    this.maxLines = Math.max(1, Math.floor(options.maxLines ?? DEFAULT_RING_LINES))
    this.maxBytes = Math.max(1, options.maxBytes ?? DEFAULT_RING_BYTES)
    this.slots = new Array<LogLine | undefined>(this.maxLines)
  }

  /** Adds a line, gives it the next seq and evicts the oldest lines beyond the caps. */
  push(line: Omit<LogLine, 'seq'>): LogLine {
    const entry: LogLine = { ...line, seq: this.nextSeq++ }
    if (this.count === this.maxLines) this.evictOldest()
    this.slots[(this.head + this.count) % this.maxLines] = entry
    this.count++
    this.bytes += entry.raw.length
    // Keep at least the newest line even if it alone is over the byte cap.
    while (this.bytes > this.maxBytes && this.count > 1) this.evictOldest()
    return entry
  }

  /** Lines with a seq greater than `seq`, oldest first (all kept lines for 0). */
  since(seq: number): LogLine[] {
    const skip = Math.max(0, Math.floor(seq) - this.firstSeq + 1)
    return this.range(skip, this.count)
  }

  /** The newest `n` lines, oldest first. */
  tail(n: number): LogLine[] {
    return this.range(Math.max(0, this.count - Math.max(0, Math.floor(n))), this.count)
  }

  /** Number of lines kept. */
  get size(): number {
    return this.count
  }

  /** Raw text length of the lines kept. */
  get byteSize(): number {
    return this.bytes
  }

  /** Seq of the newest line (0 before the first line). */
  get lastSeq(): number {
    return this.nextSeq - 1
  }

  /** Seq of the oldest line kept (lastSeq + 1 when empty). */
  get firstSeq(): number {
    return this.nextSeq - this.count
  }

  private range(from: number, to: number): LogLine[] {
    const out: LogLine[] = []
    for (let i = from; i < to; i++) {
      const line = this.slots[(this.head + i) % this.maxLines]
      if (line) out.push(line)
    }
    return out
  }

  private evictOldest(): void {
    const oldest = this.slots[this.head]
    this.slots[this.head] = undefined
    this.head = (this.head + 1) % this.maxLines
    this.count--
    this.bytes -= oldest?.raw.length ?? 0
  }
}
