import {
  DOWNGRADE_TO_3_4_MIN,
  ETCD_LINES,
  lineIndex,
  lineOf,
  passesUpgradeGate,
  UPGRADE_GATES,
  type EtcdLine,
} from './etcd-lines'
import type { VersionChangeRefusal, VersionChangeVerdict } from './upgrade'
import { compareVersions, isAtLeast, isPrerelease, newestFirst } from './version-order'

/** What the rules need to judge one version change. */
export interface VersionChangeInput {
  /** Every member's version now (a half-done upgrade has two lines). */
  memberVersions: string[]
  target: string
  /** Authentication on (refuses 3.4 ↔ 3.5 rolling changes); null when unknown (treated as on). */
  authEnabled: boolean | null
  /** Stable versions known (the release list), for the "newest patch first" hop. */
  knownVersions: readonly string[]
  /** Accept a refused target through its multi-hop plan ("Upgrade in two hops"). */
  allowHops?: boolean
}

/**
 * Judges a version change by etcd's upgrade and downgrade guides: any patch within a line; one
 * line up only, through the line's gate (3.5.32 for 3.6, 3.6.11 for 3.7); no rolling 3.4 ↔ 3.5
 * with authentication on; downgrades one line only, by etcd's own means; and, while an upgrade
 * is half done, back to the old line by swapping binaries again.
 */
export function judgeVersionChange(input: VersionChangeInput): VersionChangeVerdict {
  const { memberVersions, target } = input
  const targetLine = lineOf(target)
  const lines = memberVersions.map(lineOf)
  if (!targetLine || lines.some((l) => l === null) || memberVersions.length === 0) {
    return refuse(
      'UPGRADE_PATH_UNSAFE',
      `etcd Desk runs etcd 3.4 and later; ${target} is not one of them.`,
    )
  }
  if (isPrerelease(target)) {
    return refuse(
      'UPGRADE_PATH_UNSAFE',
      `${target} is a pre-release; upgrades go to released versions only.`,
    )
  }
  const sorted = [...memberVersions].sort(compareVersions)
  const lowest = sorted[0]!
  const highest = sorted[sorted.length - 1]!
  const low = lineIndex(lineOf(lowest)!)
  const high = lineIndex(lineOf(highest)!)
  const to = lineIndex(targetLine)
  if (memberVersions.every((v) => v === target)) {
    return refuse('UPGRADE_PATH_UNSAFE', `Every member already runs etcd ${target}.`)
  }
  if (high - low > 1) {
    return refuse(
      'UPGRADE_PATH_UNSAFE',
      `The members run ${lowest} and ${highest}, more than one line apart; etcd does not support that.`,
    )
  }
  // A half-done upgrade (two lines): back to the old line by swapping binaries again; the cluster
  // version is still the old line's, so etcd needs nothing else (ETCD-OPS-FACTS §3.2).
  if (high > low && to === low) return ok('rollback', target, [target])
  if (to === low && to === high) return ok('patch', target, [target])
  if (to > low) return judgeUpgrade(input, lowest, sorted, targetLine)
  return judgeDowngrade(input, highest, targetLine)
}

function judgeUpgrade(
  input: VersionChangeInput,
  lowest: string,
  sorted: string[],
  targetLine: EtcdLine,
): VersionChangeVerdict {
  const { target } = input
  const fromLine = lineOf(lowest)!
  const hops = upgradeHops(sorted, target, input.knownVersions)
  if (
    needsAuthCheck(fromLine, targetLine, lineOf(sorted[sorted.length - 1]!)!) &&
    input.authEnabled !== false
  ) {
    return refuse(
      'UPGRADE_AUTH_ENABLED',
      input.authEnabled === null
        ? `Could not tell whether authentication is on; a rolling upgrade from 3.4 to 3.5 is unsupported with authentication on (etcd #11943), so etcd Desk does not start it.`
        : `Authentication is on: etcd does not support a rolling upgrade from 3.4 to 3.5 with authentication on (its auth store format changes; logins break, etcd #11943). Turn authentication off first, or restore a snapshot into a new 3.5 cluster.`,
    )
  }
  const isDirect = hops.length === 1
  if (isDirect) return ok('upgrade', target, hops)
  const reason = hopReason(sorted, targetLine, hops)
  if (input.allowHops && hops.every((h) => h !== '')) return ok('upgrade', target, hops)
  return {
    ok: false,
    refusal: { code: 'UPGRADE_PATH_UNSAFE', reason, hops: hops.includes('') ? null : hops },
  }
}

/**
 * The rolling swaps from the members' versions to `target`: first the newest known patch of the
 * current line when a member is below that line's gate, then the newest patch of every line in
 * between, then the target. An entry is '' when no version known passes a needed gate.
 */
function upgradeHops(sorted: string[], target: string, known: readonly string[]): string[] {
  const targetLine = lineOf(target)!
  const fromLine = lineOf(sorted[0]!)!
  const hops: string[] = []
  if (sorted.some((v) => lineOf(v) === fromLine && !passesUpgradeGate(v))) {
    hops.push(newestPassing(fromLine, known))
  }
  for (let i = lineIndex(fromLine) + 1; i < lineIndex(targetLine); i++) {
    hops.push(newestPassing(ETCD_LINES[i]!, known))
  }
  hops.push(target)
  return hops
}

/** The newest known stable version of a line that passes its gate, or ''. */
function newestPassing(line: EtcdLine, known: readonly string[]): string {
  const candidates = known
    .filter((v) => lineOf(v) === line && !isPrerelease(v) && passesUpgradeGate(v))
    .sort(newestFirst)
  return candidates[0] ?? ''
}

function hopReason(sorted: string[], targetLine: EtcdLine, hops: string[]): string {
  const fromLine = lineOf(sorted[0]!)!
  const skips = lineIndex(targetLine) - lineIndex(fromLine) > 1
  const gate = UPGRADE_GATES[fromLine]
  const below = sorted.filter((v) => !passesUpgradeGate(v))
  const why = skips
    ? `${fromLine} → ${targetLine} skips a line; etcd upgrades one minor line at a time`
    : `${fromLine} → ${targetLine} needs every member on ${gate} or newer (now: ${below.join(', ')})`
  const plan = hops.includes('')
    ? `no release known here passes that gate yet; refresh the release list`
    : `upgrade to ${hops.slice(0, -1).join(', then ')} first`
  return `${why}; ${plan}.`
}

/** 3.4 ↔ 3.5 with authentication on is unsupported (etcd #11943, measured to break logins). */
function needsAuthCheck(a: EtcdLine, b: EtcdLine, c: EtcdLine): boolean {
  return [a, b, c].includes('3.4') && [a, b, c].includes('3.5')
}

function judgeDowngrade(
  input: VersionChangeInput,
  highest: string,
  targetLine: EtcdLine,
): VersionChangeVerdict {
  const { target } = input
  const fromLine = lineOf(highest)!
  const restore =
    'To go back further, restore the snapshot taken before the upgrade into a new cluster (Maintenance tab).'
  if (lineIndex(fromLine) - lineIndex(targetLine) > 1) {
    return refuse(
      'DOWNGRADE_UNSUPPORTED',
      `etcd downgrades one line at a time; ${fromLine} → ${targetLine} skips a line. ${restore}`,
    )
  }
  if (fromLine === '3.5') {
    if (!isAtLeast(target, DOWNGRADE_TO_3_4_MIN)) {
      return refuse(
        'DOWNGRADE_UNSUPPORTED',
        `A 3.5 cluster can only go back to 3.4.32 or newer (with --next-cluster-version-compatible); ${target} would stop with "invalid downgrade; server version is lower than determined cluster version". ${restore}`,
      )
    }
    if (input.authEnabled !== false) {
      return refuse(
        'DOWNGRADE_UNSUPPORTED',
        `etcd does not support downgrading 3.5 → 3.4 with authentication on${input.authEnabled === null ? ' (and it could not be read)' : ''}. ${restore}`,
      )
    }
    return {
      ok: true,
      plan: {
        kind: 'downgrade',
        target,
        hops: [target],
        downgrade: 'next-cluster-version-compatible',
      },
    }
  }
  return {
    ok: true,
    plan: { kind: 'downgrade', target, hops: [target], downgrade: 'downgrade-api' },
  }
}

function ok(
  kind: 'patch' | 'upgrade' | 'rollback',
  target: string,
  hops: string[],
): VersionChangeVerdict {
  return { ok: true, plan: { kind, target, hops, downgrade: null } }
}

function refuse(code: VersionChangeRefusal['code'], reason: string): VersionChangeVerdict {
  return { ok: false, refusal: { code, reason, hops: null } }
}
