import type { ClusterOperationKind } from '../../shared/cluster'
import { operationReport } from '../cluster/reported-operation'
import type { EngineWords } from '../../shared/engine-words/engine-words'
import type { ClusterRuntime } from '../cluster/cluster-runtime'
import type { MeterOptions, ProbeCounts, ProbeMeter } from '../probe/probe-meter'

/** What a maintenance action's work gets. */
export interface MaintenanceContext {
  /** Shows the step in the cluster's header and records it in the operation's report. */
  step(words: EngineWords): void
  /** Records a line in the report only ("etcd2: 1.2 MB → 24 kB in 80 ms"). */
  note(words: EngineWords): void
}

/** The action's result with what the write probe saw meanwhile. */
export interface Measured<T> {
  value: T
  probe: ProbeCounts | null
}

/**
 * Runs a cluster-changing maintenance action as an operation of its cluster (refused with
 * CLUSTER_BUSY while another runs), measures it with the write probe, and records how it went as
 * the cluster's last operation — also when it failed.
 */
export async function runMaintenance<T>(
  runtime: ClusterRuntime,
  meter: ProbeMeter,
  request: { kind: ClusterOperationKind; label: EngineWords; meter?: MeterOptions },
  work: (ctx: MaintenanceContext) => Promise<T>,
): Promise<Measured<T>> {
  const { meter: meterOptions, ...operation } = request
  return runtime.runOperation({ ...operation, policy: 'refuse' }, async (op) => {
    const startedAt = new Date().toISOString()
    const steps: EngineWords[] = []
    const ctx: MaintenanceContext = {
      step: (words) => {
        steps.push(words)
        op.step(words)
      },
      note: (words) => steps.push(words),
    }
    const window = await meter.begin(runtime.def.name, meterOptions)
    let outcome: { value: T } | { error: unknown }
    try {
      outcome = { value: await work(ctx) }
    } catch (error) {
      outcome = { error }
    }
    const probe = await window.end().catch((error: unknown) => {
      runtime.log.warn({ err: error, operation: operation.kind }, 'the write probe did not end')
      return null
    })
    const failure = 'error' in outcome ? outcome.error : null
    const report = operationReport(operation.kind, operation.label, steps, {
      startedAt,
      endedAt: new Date().toISOString(),
      isSuccess: failure === null,
      probe,
      error: failure === null ? null : messageOf(failure),
    })
    runtime.setLastOperation(report)
    const { label } = report
    if ('error' in outcome) {
      runtime.log.warn({ err: outcome.error, operation: operation.kind }, `${label} failed`)
      throw outcome.error
    }
    runtime.log.info({ operation: operation.kind, probe }, `${label} done`)
    return { value: outcome.value, probe }
  })
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : typeof error === 'string' ? error : 'failed'
}
