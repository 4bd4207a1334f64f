import type { ClusterOperation, ClusterOperationKind } from '../../shared/cluster'
import { EngineError } from '../errors/engine-error'
import type { EndedOperation } from '../timeline/cluster-timeline'
import type { EngineWords } from '../../shared/engine-words/engine-words'
import { english } from '../words/english'

/**
 * How a new operation meets one already running on the same cluster (the README's "Operations"):
 * - `refuse`: CLUSTER_BUSY naming what runs. For clicks whose meaning depends on the state now
 *   (start, a member's start/stop/restart/kill): a double click must not queue a second start.
 * - `preempt`: cancels what runs or waits when it can be cancelled (a start waiting for health, an
 *   automatic restart), then runs after it. For "Stop all" and delete, which must always win.
 * - `queue`: runs after everything before it. For the engine's own automatic restarts.
 */
type OperationPolicy = 'refuse' | 'preempt' | 'queue'

/** What an operation's work gets: a signal that says it was cancelled, and a way to report steps. */
export interface OperationContext {
  signal: AbortSignal
  /** Shows the step it is on in the cluster view ("waiting for etcd2 to become healthy"). */
  step(words: EngineWords): void
  /** True when accepting this operation cancelled one it overrides (see `overrides`). */
  didOverride: boolean
}

/** One operation as asked for. */
export interface OperationRequest {
  kind: ClusterOperationKind
  /** In words, for the window and for CLUSTER_BUSY: "Starting cluster demo". */
  label: EngineWords
  policy: OperationPolicy
  /** True when a preempting operation may cancel it (it checks its signal). */
  isCancellable?: boolean
  /**
   * With `refuse`: kinds this operation cancels instead of being refused by them, when they
   * concern the same member (a user's action on a member wins over its automatic restart).
   */
  overrides?: ClusterOperationKind[]
  /** The member it acts on, if one. */
  member?: string
}

interface Entry {
  request: OperationRequest
  controller: AbortController
  view: ClusterOperation | null
  didOverride: boolean
}

/**
 * One cluster's operations, one at a time, in the order they were accepted. Every operation on a
 * cluster (start, stop, member actions, automatic restarts, delete) goes through here, so two
 * windows, a double click or a timer never run two of them at once.
 */
export class ClusterOperations {
  private readonly entries: Entry[] = []
  private tail: Promise<void> = Promise.resolve()
  private closedWith: EngineError | null = null

  constructor(
    private readonly cluster: string,
    /** Called when the running operation or its step changes (the view shows it). */
    private readonly onChange: () => void,
    /** Called when an operation that ran ends (the cluster timeline records it). */
    private readonly onEnded?: (ended: EndedOperation) => void,
  ) {}

  /** The operation running now, or null. */
  current(): ClusterOperation | null {
    return this.entries[0]?.view ?? null
  }

  /** True while an operation runs or waits. */
  get isBusy(): boolean {
    return this.entries.length > 0
  }

  /** True while an operation of one of these kinds runs or waits. */
  has(...kinds: ClusterOperation['kind'][]): boolean {
    return this.entries.some((e) => kinds.includes(e.request.kind))
  }

  /** Runs `work` as an operation under `request.policy`; rejects like `work` or with a refusal. */
  run<T>(request: OperationRequest, work: (ctx: OperationContext) => Promise<T>): Promise<T> {
    if (this.closedWith) return Promise.reject(this.closedWith)
    let didOverride = false
    if (request.policy === 'refuse') {
      const blocking = this.entries.find((e) => !overrides(request, e.request))
      if (blocking) return Promise.reject(this.busy(blocking))
      didOverride = this.cancelAll(english(request.label), (e) => overrides(request, e))
    }
    if (request.policy === 'preempt') this.cancelAll(english(request.label))
    const entry: Entry = { request, controller: new AbortController(), view: null, didOverride }
    this.entries.push(entry)
    const result = this.tail.then(() => this.execute(entry, work))
    // The tail only orders operations; each caller gets its own outcome through `result`.
    this.tail = result.then(
      () => undefined,
      () => undefined,
    )
    return result
  }

  /** Waits until every accepted operation has ended. */
  async drain(): Promise<void> {
    await this.tail
  }

  /** Refuses every later operation with `reason` and cancels the cancellable ones accepted. */
  close(reason: EngineError): void {
    this.closedWith = reason
    this.cancelAll(reason.message)
  }

  private async execute<T>(entry: Entry, work: (ctx: OperationContext) => Promise<T>): Promise<T> {
    let failure: unknown = null
    try {
      entry.controller.signal.throwIfAborted()
      entry.view = {
        kind: entry.request.kind,
        label: english(entry.request.label),
        labelWords: entry.request.label,
        startedAt: new Date().toISOString(),
        step: null,
        stepWords: null,
      }
      this.onChange()
      return await work({
        signal: entry.controller.signal,
        step: (words) => {
          if (!entry.view) return
          entry.view = { ...entry.view, step: english(words), stepWords: words }
          this.onChange()
        },
        didOverride: entry.didOverride,
      })
    } catch (error) {
      failure = error
      throw error
    } finally {
      this.entries.splice(this.entries.indexOf(entry), 1)
      if (entry.view) {
        this.onChange()
        const { kind, label, member } = entry.request
        const ended = {
          kind,
          label: english(label),
          labelWords: label,
          member,
          startedAt: entry.view.startedAt,
          error: failure,
        }
        this.onEnded?.({ ...ended, endedAt: new Date().toISOString() })
      }
    }
  }

  /** Cancels the cancellable operations (those `which` picks); true when it cancelled any. */
  private cancelAll(by: string, which: (r: OperationRequest) => boolean = () => true): boolean {
    let didCancel = false
    for (const entry of this.entries) {
      if (!entry.request.isCancellable || entry.controller.signal.aborted) continue
      if (!which(entry.request)) continue
      didCancel = true
      entry.controller.abort(
        new EngineError(
          'OPERATION_CANCELLED',
          `${english(entry.request.label)} was cancelled: ${by}.`,
          {
            cluster: this.cluster,
            operation: entry.request.kind,
            by,
          },
        ),
      )
    }
    return didCancel
  }

  private busy(running: Entry): EngineError {
    const since = running.view ? ` (since ${running.view.startedAt})` : ''
    return new EngineError(
      'CLUSTER_BUSY',
      `Cluster ${this.cluster} is busy: ${english(running.request.label)}${since}. Try again when it is done.`,
      {
        cluster: this.cluster,
        operation: running.request.kind,
        label: english(running.request.label),
      },
    )
  }
}

/** True when `request` may cancel `other` instead of being refused by it. */
function overrides(request: OperationRequest, other: OperationRequest): boolean {
  return (
    other.isCancellable === true &&
    (request.overrides ?? []).includes(other.kind) &&
    other.member !== undefined &&
    other.member === request.member
  )
}
