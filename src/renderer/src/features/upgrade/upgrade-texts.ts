import { i18n } from '../../i18n'
import type { VersionChangePlan, VersionOption } from '../../../../shared/upgrade'

/** Versions in words: "3.4.23", "3.4.23 and 3.5.16", "3.4.23, 3.5.16 and 3.5.30". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? ''
  const head = items.slice(0, -1).join(i18n.t('upgrade:texts.listSeparator'))
  return i18n.t('upgrade:texts.list', { head, last: items[items.length - 1] })
}

/** A multi-hop path in words: "3.5.33, then 3.6.16". */
export function hopsWords(hops: readonly string[]): string {
  return hops.join(i18n.t('upgrade:texts.then'))
}

/** The two-hop action's label: "Upgrade in 2 hops: 3.5.33, then 3.6.16". */
export function hopsActionLabel(hops: readonly string[]): string {
  return i18n.t('upgrade:texts.hopsAction', { count: hops.length, hops: hopsWords(hops) })
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
      return i18n.t('upgrade:texts.verbUpgrade')
    case 'downgrade':
      return i18n.t('upgrade:texts.verbDowngrade')
    case 'rollback':
      return i18n.t('upgrade:texts.verbRollback')
  }
}

/** What a plan does, in one word for a version list: "patch", "upgrade in 2 hops", "downgrade". */
function planWord(plan: VersionChangePlan): string {
  if (plan.kind === 'rollback') return i18n.t('upgrade:texts.wordRollback')
  const kind = i18n.t(
    plan.kind === 'patch'
      ? 'upgrade:texts.wordPatch'
      : plan.kind === 'upgrade'
        ? 'upgrade:texts.wordUpgrade'
        : 'upgrade:texts.wordDowngrade',
  )
  return plan.hops.length > 1
    ? i18n.t('upgrade:texts.wordHops', { kind, count: plan.hops.length })
    : kind
}

/**
 * One version in the Upgrade dialog's list: "3.5.16 · upgrade (download)", "3.4.23 · current",
 * "3.6.16 · not offered".
 */
export function optionLabel(option: VersionOption, isCurrent: boolean): string {
  const what = isCurrent
    ? i18n.t('upgrade:texts.current')
    : option.verdict.ok
      ? planWord(option.verdict.plan)
      : i18n.t('upgrade:texts.notOffered')
  const download = option.verdict.ok && !option.isInstalled ? i18n.t('upgrade:texts.download') : ''
  return i18n.t('upgrade:texts.option', { version: option.version, what, download })
}
