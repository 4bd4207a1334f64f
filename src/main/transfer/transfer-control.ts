import type { TransferProgress } from '../../shared/transfer'
import { EngineError } from '../errors/engine-error'

/**
 * Why 100 ms: progress is pushed to every window; a page of small keys takes a few milliseconds,
 * so pushing each one would flood them. The last progress of a transfer is always pushed.
 */
const PROGRESS_INTERVAL_MS = 100

/** The handle of one running transfer: its progress pushes and its Cancel. */
export class TransferControl {
  private readonly aborted = new AbortController()
  private lastPush = 0

  constructor(
    readonly transferId: string,
    readonly cluster: string,
    readonly kind: TransferProgress['kind'],
    private readonly push: (progress: TransferProgress) => void,
  ) {}

  /** Reports keys done of total (throttled to one push per PROGRESS_INTERVAL_MS unless done). */
  progress(done: number, total: number | null): void {
    const now = Date.now()
    const isLast = total !== null && done >= total
    if (!isLast && done > 0 && now - this.lastPush < PROGRESS_INTERVAL_MS) return
    this.lastPush = now
    this.push({ transferId: this.transferId, cluster: this.cluster, kind: this.kind, done, total })
  }

  /** Asks the transfer to stop at its next page or batch. */
  cancel(): void {
    this.aborted.abort()
  }

  /** True once cancelled. */
  get isCancelled(): boolean {
    return this.aborted.signal.aborted
  }

  /** Throws TRANSFER_CANCELLED once cancelled; called between pages and batches. */
  throwIfCancelled(done: number): void {
    if (!this.isCancelled) return
    throw new EngineError(
      'TRANSFER_CANCELLED',
      `The ${this.kind} was cancelled after ${done} keys.`,
      {
        cluster: this.cluster,
        transferId: this.transferId,
        done,
      },
    )
  }
}
