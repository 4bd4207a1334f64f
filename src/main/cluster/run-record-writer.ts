import { words, type EngineWords } from '../../shared/engine-words/engine-words'
import type { EngineLog } from '../log/engine-log'
import type { ClusterStore, RunRecordEntry } from '../store/cluster-store'
import { english } from '../words/english'

/**
 * Writes a cluster's run record (run.json: the pids and command lines of its live members, which
 * the next engine needs to adopt them after a crash), one write at a time so an older record never
 * lands after a newer one. A failed write is logged and shown on the cluster until one succeeds:
 * without it, a crash of etcd Desk would leave members nobody adopts.
 */
export class RunRecordWriter {
  private writes: Promise<void> = Promise.resolve()
  private isClosed = false
  private failure: EngineWords | null = null

  constructor(
    private readonly cluster: string,
    private readonly store: ClusterStore,
    private readonly log: EngineLog,
    /** Called when the problem shown on the cluster appears or goes away. */
    private readonly onProblemChange: () => void,
  ) {}

  /** What is wrong with the run record now, in English; null when it is fine. */
  get problem(): string | null {
    return this.failure && english(this.failure)
  }

  /** The same problem for the window to show in its language. */
  get problemWords(): EngineWords | null {
    return this.failure
  }

  /** Queues a write of `entries`; resolves once it was tried (a failure is recorded, not thrown). */
  save(entries: RunRecordEntry[]): Promise<void> {
    this.writes = this.writes.then(() => this.write(entries))
    return this.writes
  }

  /** Writes a last record, waits for every write, and refuses later ones. */
  async close(entries: RunRecordEntry[]): Promise<void> {
    await this.save(entries)
    this.isClosed = true
    await this.writes
  }

  private async write(entries: RunRecordEntry[]): Promise<void> {
    if (this.isClosed) return
    try {
      await this.store.saveRunRecord(this.cluster, entries)
      if (this.failure !== null) {
        this.failure = null
        this.log.info('run record written again')
        this.onProblemChange()
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      this.log.error({ err: error, members: entries.map((e) => e.member) }, 'run.json not written')
      const problem = words('engine-notices:warning.runRecordNotWritten', { message })
      if (message === this.failure?.values?.message) return
      this.failure = problem
      this.onProblemChange()
    }
  }
}
