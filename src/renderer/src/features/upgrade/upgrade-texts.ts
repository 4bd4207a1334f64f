import type { VersionChangePlan, VersionOption } from '../../../../shared/upgrade'

/** Versions in words: "3.4.23", "3.4.23 and 3.5.16", "3.4.23, 3.5.16 and 3.5.30". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? ''
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`
}

/** A multi-hop path in words: "3.5.33, then 3.6.16". */
export function hopsWords(hops: readonly string[]): string {
  return hops.join(', then ')
}

/** The two-hop action's label: "Upgrade in 2 hops: 3.5.33, then 3.6.16". */
export function hopsActionLabel(hops: readonly string[]): string {
  return `Upgrade in ${hops.length} hops: ${hopsWords(hops)}`
}

/** A cluster version as its line: "3.4.0" → "3.4"; anything else unchanged. */
export function clusterLine(clusterVersion: string): string {
  const match = /^v?(\d+\.\d+)\./.exec(clusterVersion)
  return match?.[1] ?? clusterVersion
}

/** What a plan does, as the verb of its start button: "Upgrade", "Downgrade", "Roll back". */
export function planVerb(plan: VersionChangePlan): string {
  switch (plan.kind) {
    case 'patch':
    case 'upgrade':
      return 'Upgrade'
    case 'downgrade':
      return 'Downgrade'
    case 'rollback':
      return 'Roll back'
  }
}

/** What a plan does, in one word for a version list: "patch", "upgrade in 2 hops", "downgrade". */
function planWord(plan: VersionChangePlan): string {
  if (plan.kind === 'rollback') return 'roll back'
  return plan.hops.length > 1 ? `${plan.kind} in ${plan.hops.length} hops` : plan.kind
}

/**
 * One version in the Upgrade dialog's list: "3.5.16 · upgrade (download)", "3.4.23 · current",
 * "3.6.16 · not offered".
 */
export function optionLabel(option: VersionOption, isCurrent: boolean): string {
  const what = isCurrent
    ? 'current'
    : option.verdict.ok
      ? planWord(option.verdict.plan)
      : 'not offered'
  const download = option.verdict.ok && !option.isInstalled ? ' (download)' : ''
  return `${option.version} · ${what}${download}`
}

/** A duration in ms as the report shows it: "850 ms", "4.2 s", "2 min 5 s". */
export function durationWords(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`
  const seconds = Math.round(ms / 1000)
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`
}
