import { lineOf } from '../../../../shared/etcd-lines'
import type { UpgradeChoices, VersionOption } from '../../../../shared/upgrade'
import { compareVersions } from '../../../../shared/version-order'

/** The distinct versions in `versions`, oldest first. */
export function distinctVersions(versions: readonly string[]): string[] {
  return [...new Set(versions)].sort(compareVersions)
}

/** The line of the lowest version, which a mixed cluster runs at ("3.4"), or null. */
export function lowestLine(versions: readonly string[]): string | null {
  const lowest = distinctVersions(versions)[0]
  return lowest ? lineOf(lowest) : null
}

/** True when every member already runs `version`. */
export function isCurrentVersion(choices: UpgradeChoices, version: string): boolean {
  return choices.members.length > 0 && choices.members.every((m) => m.version === version)
}

/** The version the dialog picks first: the paused upgrade's target, else the newest offered. */
export function defaultOption(choices: UpgradeChoices): VersionOption | null {
  const target = choices.pending?.plan.target
  const pending = choices.options.find((o) => o.version === target)
  return pending ?? choices.options.find((o) => o.verdict.ok) ?? choices.options[0] ?? null
}

/** The versions of `hops` that are not installed yet (the upgrade downloads them first). */
export function toDownload(choices: UpgradeChoices, hops: readonly string[]): string[] {
  return hops.filter((h) => choices.options.find((o) => o.version === h)?.isInstalled === false)
}

/** Options grouped by line, in the order given (newest first). */
export function byLine(options: readonly VersionOption[]): VersionOption[][] {
  const groups = new Map<string, VersionOption[]>()
  for (const option of options) {
    const group = groups.get(option.line) ?? []
    group.push(option)
    groups.set(option.line, group)
  }
  return [...groups.values()]
}
