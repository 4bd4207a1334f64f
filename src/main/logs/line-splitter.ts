/**
 * Longest line kept whole. Why: a writer that never prints a newline (or a corrupt file) must not
 * grow our buffer without bound; a longer line is emitted in pieces of this size.
 */
const MAX_LINE_BYTES = 256 * 1024

const NEWLINE = 0x0a

/**
 * Splits a byte stream into text lines across chunk boundaries. Splitting happens on bytes, not
 * characters: a UTF-8 character cut in two by a chunk boundary is decoded only once it is whole.
 */
export class LineSplitter {
  private pending: Buffer[] = []
  private pendingBytes = 0

  constructor(private readonly maxLineBytes = MAX_LINE_BYTES) {}

  /** Feeds the next chunk; returns the lines it completed (without their newline). */
  push(chunk: Buffer): string[] {
    const lines: string[] = []
    let start = 0
    let nl = chunk.indexOf(NEWLINE, start)
    while (nl !== -1) {
      this.append(chunk.subarray(start, nl), lines)
      lines.push(this.takePending())
      start = nl + 1
      nl = chunk.indexOf(NEWLINE, start)
    }
    if (start < chunk.length) this.append(chunk.subarray(start), lines)
    return lines
  }

  /** Bytes waiting for their newline. */
  get pendingLength(): number {
    return this.pendingBytes
  }

  /** Forgets the partial line (the file was truncated or replaced under it). */
  reset(): void {
    this.pending = []
    this.pendingBytes = 0
  }

  private append(part: Buffer, lines: string[]): void {
    let rest = part
    while (this.pendingBytes + rest.length > this.maxLineBytes) {
      const room = this.maxLineBytes - this.pendingBytes
      this.pending.push(rest.subarray(0, room))
      this.pendingBytes += room
      lines.push(this.takePending())
      rest = rest.subarray(room)
    }
    if (rest.length === 0) return
    // Copy: the caller may reuse the chunk's memory for its next read.
    this.pending.push(Buffer.from(rest))
    this.pendingBytes += rest.length
  }

  private takePending(): string {
    const text = Buffer.concat(this.pending, this.pendingBytes).toString('utf8')
    this.reset()
    return text
  }
}
