import type { DiagnosisStep } from '../../shared/diagnosis'
import type { ClusterRuntime } from '../cluster/cluster-runtime'

/** One file of a diagnosis bundle before it is written: its path inside the bundle, its text. */
export interface BundleEntry {
  /** Relative, '/'-separated ("logs/etcd1.log"); made by the engine from names it validated. */
  path: string
  text: string
  /** What it holds, in one sentence (the manifest and README list it). */
  about: string
}

/** What every collector of a bundle gets. */
export interface CollectContext {
  runtime: ClusterRuntime
  /** Says what is being collected now, of which member (pushed to the window as progress). */
  step: (kind: DiagnosisStep, member?: string) => void
  /** Records what could not be collected and why; the bundle is still written. */
  note: (text: string) => void
}

/** A value as pretty JSON text with a final newline. */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`
}

/** The message of anything thrown. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
