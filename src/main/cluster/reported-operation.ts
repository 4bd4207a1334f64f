import type { OperationReport } from '../../shared/cluster'
import type { EngineWords } from '../../shared/engine-words/engine-words'
import { english } from '../words/english'
import type { ProbeMeter } from '../probe/probe-meter'
import type { OperationContext, OperationRequest } from './cluster-operations'

/** What a reported operation's work gets: its operation context, and a history to add to. */
export interface ReportedContext extends OperationContext {
  /** Adds a line to the report's history ("etcd added etcd4 as a learner (id 8e9e…)"). */
  note(words: EngineWords): void
  /** Adds the command a user would type for this step (its etcdctl / etcdutl twin). */
  twin(command: string): void
}

/** The cluster side a reported operation needs. */
export interface ReportingRuntime {
  readonly def: { name: string }
  runOperation<T>(
    request: OperationRequest,
    work: (ctx: OperationContext) => Promise<T>,
  ): Promise<T>
  setLastOperation(report: OperationReport): void
}

/**
 * Runs a long operation (member add, remove, defragment …) and keeps its report: the steps it
 * took, whether it succeeded, and the write probe's counts meanwhile. The report is shown with
 * the cluster (`ClusterView.lastOperation`) whether the operation succeeded or not.
 */
export async function runReported<T>(
  runtime: ReportingRuntime,
  probes: ProbeMeter,
  request: OperationRequest,
  work: (ctx: ReportedContext) => Promise<T>,
  /** Also hands the report to the caller (an upgrade returns its probe counts and commands). */
  onReport?: (report: OperationReport) => void,
): Promise<T> {
  return runtime.runOperation(request, async (ctx) => {
    const startedAt = new Date().toISOString()
    const steps: EngineWords[] = []
    const commands: string[] = []
    const window = await probes.begin(runtime.def.name)
    const finish = async (error: unknown): Promise<void> => {
      const report = operationReport(request.kind, request.label, steps, {
        startedAt,
        endedAt: new Date().toISOString(),
        isSuccess: error === null,
        probe: await window.end(),
        error: error === null ? null : describe(error),
        commands,
      })
      runtime.setLastOperation(report)
      onReport?.(report)
    }
    try {
      const value = await work({
        ...ctx,
        note: (words) => steps.push(words),
        twin: (command) => commands.push(command),
      })
      await finish(null)
      return value
    } catch (error) {
      await finish(error)
      throw error
    }
  })
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : JSON.stringify(error)
}

/** The report of an instant operation (pause, resume): what it did and its shell twin. */
export function instantReport(
  kind: OperationReport['kind'],
  label: EngineWords,
  step: EngineWords,
  command: string,
): OperationReport {
  const at = new Date().toISOString()
  return operationReport(kind, label, [step], {
    startedAt: at,
    endedAt: at,
    isSuccess: true,
    probe: null,
    error: null,
    commands: [command],
  })
}

/** A report with its label and steps in English (logs, tests) and as words (the window). */
export function operationReport(
  kind: OperationReport['kind'],
  label: EngineWords,
  steps: readonly EngineWords[],
  outcome: Omit<OperationReport, 'kind' | 'label' | 'labelWords' | 'steps' | 'stepWords'>,
): OperationReport {
  return {
    kind,
    label: english(label),
    labelWords: label,
    ...outcome,
    steps: steps.map(english),
    stepWords: [...steps],
  }
}
