import { EventEmitter } from 'node:events'
import type { LogLine } from '../../shared/logs'
import { readLogHistory } from './log-history'
import { LogFileTail } from './log-file-tail'
import { DEFAULT_RING_BYTES, DEFAULT_RING_LINES, LogRing } from './log-ring'
import { DEFAULT_KEEP_LOG_FILES, DEFAULT_MAX_LOG_FILE_BYTES, rotateLogFile } from './log-rotation'
import { parseEtcdLogLine } from './zap-line-parser'

/** Options of a MemberLog; only member and file are required. */
export interface MemberLogOptions {
  member: string
  /** Usually DataLayout.memberLogFile(cluster, member). */
  file: string
  ringSize?: number
  ringBytes?: number
  /** Rotate once the tail has read past this; a rotated copy may exceed it by one read. */
  maxFileBytes?: number
  keepFiles?: number
  pollIntervalMs?: number
  /** Problems reading or rotating the file; the log keeps following regardless. */
  onError?: (error: unknown) => void
}

/** Receives the lines just added to a member's ring, oldest first, with their seq. */
export type LogLinesListener = (lines: LogLine[]) => void

/** Events of a MemberLog: `lines` is emitted for every group of lines added to the ring. */
export interface MemberLogEvents {
  lines: [lines: LogLine[]]
}

/**
 * One member's log: reads back history from disk, follows the file the member writes to, parses
 * each line once into a capped ring, tells listeners, and rotates the file when it grows too big.
 */
export class MemberLog extends EventEmitter<MemberLogEvents> {
  readonly member: string
  readonly file: string
  private readonly ring: LogRing
  private tailer: LogFileTail | undefined
  private rotation: Promise<void> | null = null
  private isStopped = false

  constructor(private readonly options: MemberLogOptions) {
    super()
    this.member = options.member
    this.file = options.file
    this.ring = new LogRing({
      maxLines: options.ringSize ?? DEFAULT_RING_LINES,
      maxBytes: options.ringBytes ?? DEFAULT_RING_BYTES,
    })
  }

  /** Loads the last lines from disk into the ring (listeners get them too), then follows the file. */
  async start(): Promise<void> {
    if (this.tailer || this.isStopped) return
    const history = await readLogHistory(this.file, {
      maxLines: this.options.ringSize ?? DEFAULT_RING_LINES,
      maxBytes: this.options.ringBytes ?? DEFAULT_RING_BYTES,
    })
    if (this.isStopped) return
    this.append(history.lines)
    this.tailer = new LogFileTail({
      file: this.file,
      startOffset: history.endOffset,
      onLines: (lines) => this.onFileLines(lines),
      onError: (error) => this.reportError(error),
      pollIntervalMs: this.options.pollIntervalMs,
    })
    this.tailer.start()
    this.rotateIfTooBig()
  }

  /** Same as on('lines', listener), returning the unsubscribe function. */
  onLines(listener: LogLinesListener): () => void {
    this.on('lines', listener)
    return () => this.off('lines', listener)
  }

  /** Lines after `seq`, oldest first (all kept lines for 0). */
  since(seq: number): LogLine[] {
    return this.ring.since(seq)
  }

  /** The last `n` lines as text, as the member wrote them (for crash reports). */
  tail(n: number): string {
    return this.ring
      .tail(n)
      .map((line) => line.raw)
      .join('\n')
  }

  /** Reads what is on disk now, then returns the last `n` lines as written (for crash reports). */
  async readTail(n: number): Promise<string[]> {
    await this.catchUp()
    return this.ring.tail(n).map((line) => line.raw)
  }

  /** The last `n` parsed lines. */
  tailLines(n: number): LogLine[] {
    return this.ring.tail(n)
  }

  /** Seq of the newest line (0 before the first). */
  get lastSeq(): number {
    return this.ring.lastSeq
  }

  /** Reads what the member wrote so far right now, e.g. after it exited and before tail(n). */
  async catchUp(): Promise<void> {
    await this.tailer?.readNow()
  }

  /** Rotates the file now (normally automatic past maxFileBytes); resolves when done. */
  async rotate(): Promise<void> {
    // A rotation already under way is waited for, then this one runs: "now" means after it.
    while (this.rotation) await this.rotation
    const tailer = this.tailer
    if (!tailer) return
    const keep = this.options.keepFiles ?? DEFAULT_KEEP_LOG_FILES
    this.rotation = tailer
      .rotate(() => rotateLogFile(this.file, keep))
      .finally(() => (this.rotation = null))
    await this.rotation
  }

  /** Stops following the file; the ring stays readable (tail, since) and the file stays on disk. */
  async stop(): Promise<void> {
    this.isStopped = true
    await this.tailer?.stop()
  }

  private onFileLines(texts: string[]): void {
    this.append(texts)
    this.rotateIfTooBig()
  }

  private append(texts: string[]): void {
    if (texts.length === 0) return
    const readAt = new Date().toISOString()
    const lines = texts.map((text) =>
      this.ring.push({ ...parseEtcdLogLine(text, readAt), member: this.member }),
    )
    try {
      this.emit('lines', lines)
    } catch (error) {
      this.reportError(error) // a throwing listener must not stop the tail
    }
  }

  private rotateIfTooBig(): void {
    const max = this.options.maxFileBytes ?? DEFAULT_MAX_LOG_FILE_BYTES
    if (this.tailer && !this.rotation && this.tailer.position >= max) void this.rotate()
  }

  private reportError(error: unknown): void {
    this.options.onError?.(error)
  }
}
