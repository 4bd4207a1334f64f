import { writeSync } from 'node:fs'
import type { FileHandle } from 'node:fs/promises'

/**
 * Why 8 MB: once writes go to the thread pool, chunks queue up while one write is on the disk and
 * go out as one writev, so a slow disk keeps pace; it also caps what a download holds in memory.
 */
const WRITE_BUFFER_BYTES = 8 * 1024 * 1024
/**
 * Why 1 MB: socket reads arrive in pieces of up to 64 KB; gathering them into 1 MB writes cut a
 * 100 MB loopback download from ~1.2x to ~1.0x curl's time (bench/download.ts), because each
 * write call into the page cache has a fixed cost. It is also the most a crash can lose of a
 * partial download that a retry resumes.
 */
const BATCH_BYTES = 1024 * 1024
/**
 * Why 20 ms: a chunk written into the page cache takes microseconds; a write that blocks this long
 * means a slow disk (network share, USB stick), where the event loop must not wait on it.
 */
const SLOW_WRITE_MS = 20

/**
 * Writes a download's chunks into an open file at explicit positions, from `start` on. While the
 * disk is fast, chunks are gathered into 1 MB and written synchronously: on a 2-core machine a
 * thread-pool hop per write costs more than the write itself (bench/download.ts: ~1.2x curl's
 * time when every write is async). After one slow write it switches to batched async writev for good, and
 * `write` returns false while 8 MB wait, so the producer pauses until `onDrain` (which also
 * reports a failed write). `onWritten` gets the end position once bytes are in the file, so a
 * resumed download starts exactly where the file ends. No streams: a chunk costs one call.
 */
export class FileSink {
  private position: number
  private isSync = true
  /** Chunks gathered for the next synchronous write: batch[0, batched). */
  private batch: Buffer | null = null
  private batched = 0
  private queue: Buffer[] = []
  private queuedBytes = 0
  private writing: Promise<void> | null = null
  private failure: Error | null = null

  constructor(
    private readonly handle: FileHandle,
    start: number,
    private readonly onWritten: (position: number) => void,
    private readonly onDrain: (error?: Error) => void,
  ) {
    this.position = start
  }

  /**
   * Writes (or queues a copy of) a chunk, so the chunk may be reused once this returns; false asks
   * the producer to pause until `onDrain`. Throws write errors.
   */
  write(chunk: Buffer): boolean {
    if (this.failure) throw this.failure
    if (this.isSync) {
      this.gather(chunk)
      return true
    }
    // A copy: the chunk is only borrowed for the duration of this call.
    this.queue.push(Buffer.from(chunk))
    this.queuedBytes += chunk.length
    this.writing ??= this.writeQueued()
    return this.queuedBytes < WRITE_BUFFER_BYTES
  }

  /** Resolves once every chunk given so far is in the file; rejects with the first write error. */
  async flush(): Promise<void> {
    if (this.batched > 0) this.writeBatch()
    while (this.writing) await this.writing
    if (this.failure) throw this.failure
  }

  /** Copies a chunk into the batch, writing the batch out whenever the chunk does not fit. */
  private gather(chunk: Buffer): void {
    if (this.batched + chunk.length > BATCH_BYTES) this.writeBatch()
    if (chunk.length >= BATCH_BYTES) return this.writeNow(chunk)
    this.batch ??= Buffer.allocUnsafe(BATCH_BYTES)
    chunk.copy(this.batch, this.batched)
    this.batched += chunk.length
  }

  private writeBatch(): void {
    const bytes = this.batched
    // Emptied first: a failing write must not be retried with the same bytes by flush().
    this.batched = 0
    if (bytes > 0) this.writeNow(this.batch!.subarray(0, bytes))
  }

  private writeNow(chunk: Buffer): void {
    const started = performance.now()
    const fd = this.handle.fd
    for (let offset = 0; offset < chunk.length;) {
      offset += writeSync(fd, chunk, offset, chunk.length - offset, this.position + offset)
    }
    this.position += chunk.length
    this.onWritten(this.position)
    if (performance.now() - started > SLOW_WRITE_MS) this.isSync = false
  }

  private async writeQueued(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const buffers = this.queue
        const bytes = this.queuedBytes
        this.queue = []
        this.queuedBytes = 0
        const { bytesWritten } = await this.handle.writev(buffers, this.position)
        // A short write means a full or failing disk: say so instead of losing data.
        if (bytesWritten !== bytes) throw shortWriteError(bytes, bytesWritten)
        this.position += bytes
        this.onWritten(this.position)
        this.onDrain()
      }
    } catch (error) {
      this.failure = error as Error
      this.queue = []
      // A paused producer must learn of it now: no more data will come to make it call `write`.
      this.onDrain(this.failure)
    } finally {
      this.writing = null
    }
  }
}

function shortWriteError(wanted: number, written: number): Error {
  return Object.assign(new Error(`Only ${written} of ${wanted} bytes were written.`), {
    code: 'ENOSPC',
  })
}
