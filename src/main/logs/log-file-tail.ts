import { open, stat, type FileHandle } from 'node:fs/promises'
import { FileChangeSignal } from './file-change-signal'
import { isNotFound } from './is-not-found'
import { LineSplitter } from './line-splitter'
import type { RotationResult } from './log-rotation'

const READ_CHUNK_BYTES = 256 * 1024

/** Options of a LogFileTail. */
export interface LogFileTailOptions {
  file: string
  /** Byte offset to continue from (e.g. LogHistory.endOffset); 0 reads the whole file. */
  startOffset?: number
  /** Complete lines, in file order, without their newline. */
  onLines: (lines: string[]) => void
  onError?: (error: unknown) => void
  pollIntervalMs?: number
}

/**
 * Follows a file that another process appends to, by path: a missing file is waited for, a
 * truncated or replaced file is read again from 0, a partial last line waits for its newline.
 * Reads and rotations run one at a time on a queue, so offsets never race.
 */
export class LogFileTail {
  private offset: number
  private ino: number | undefined
  private readonly splitter = new LineSplitter()
  private queue: Promise<void> = Promise.resolve()
  private isCheckQueued = false
  private isStopped = false
  private readonly changes: FileChangeSignal

  constructor(private readonly options: LogFileTailOptions) {
    this.offset = Math.max(0, options.startOffset ?? 0)
    this.changes = new FileChangeSignal(
      options.file,
      () => this.requestCheck(),
      options.pollIntervalMs,
    )
  }

  /** Starts watching and polling, and reads what is already there after the start offset. */
  start(): void {
    if (!this.isStopped) this.changes.start()
  }

  /** Reads everything written so far (e.g. right after the process exited, for a crash report). */
  readNow(): Promise<void> {
    return this.enqueue(() => this.readNew())
  }

  /**
   * Runs a rotation under the tail: reads up to the end, rotates, reads from the rotated copy any
   * bytes that arrived in between, then continues at 0 in the truncated file.
   */
  rotate(rotateFile: () => Promise<RotationResult | null>): Promise<void> {
    return this.enqueue(async () => {
      await this.readNew()
      const result = await rotateFile()
      if (!result) return
      if (result.rotatedFile && this.offset < result.truncatedBytes) {
        await this.readRange(result.rotatedFile, this.offset, result.truncatedBytes)
      }
      this.offset = 0
    })
  }

  /** Offset just after the last byte read. */
  get position(): number {
    return this.offset
  }

  /** Stops watching and polling; resolves once no read is in flight and no callback will run. */
  async stop(): Promise<void> {
    this.isStopped = true
    this.changes.stop()
    await this.queue
  }

  /** Queues one check; events arriving while one is already queued add nothing. */
  private requestCheck(): void {
    if (this.isCheckQueued) return
    this.isCheckQueued = true
    void this.enqueue(() => {
      this.isCheckQueued = false
      return this.readNew()
    })
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    this.queue = this.queue
      .then(() => (this.isStopped ? undefined : task()))
      .catch((error: unknown) => this.options.onError?.(error))
    return this.queue
  }

  /** Reads what was appended since the last read, after checking for truncation or replacement. */
  private async readNew(): Promise<void> {
    const { file } = this.options
    try {
      const info = await stat(file)
      if (info.ino === this.ino && info.size === this.offset) return // the common idle case
      // Decide on the opened handle's own size and inode: the path may be replaced meanwhile.
      const handle = await open(file, 'r')
      try {
        const { ino, size } = await handle.stat()
        if ((this.ino !== undefined && ino !== this.ino) || size < this.offset) this.restartAt0()
        this.ino = ino
        if (size > this.offset) await this.readHandle(handle, this.offset, size)
      } finally {
        await handle.close()
      }
    } catch (error) {
      if (!isNotFound(error)) throw error
      this.restartAt0() // gone: when it comes back, it is a new file
      this.ino = undefined
    }
  }

  private restartAt0(): void {
    this.offset = 0
    this.splitter.reset()
  }

  private async readRange(path: string, from: number, to: number): Promise<void> {
    const handle = await open(path, 'r')
    try {
      await this.readHandle(handle, from, to)
    } finally {
      await handle.close()
    }
  }

  /** Reads [from, to) in chunks, emitting the lines completed by each chunk. */
  private async readHandle(handle: FileHandle, from: number, to: number): Promise<void> {
    const buffer = Buffer.allocUnsafe(Math.min(READ_CHUNK_BYTES, to - from))
    let position = from
    while (position < to && !this.isStopped) {
      const length = Math.min(buffer.length, to - position)
      const { bytesRead } = await handle.read(buffer, 0, length, position)
      if (bytesRead === 0) break
      position += bytesRead
      this.offset = position
      this.emit(this.splitter.push(buffer.subarray(0, bytesRead)))
    }
  }

  private emit(lines: string[]): void {
    if (lines.length === 0 || this.isStopped) return
    try {
      this.options.onLines(lines)
    } catch (error) {
      this.options.onError?.(error)
    }
  }
}
