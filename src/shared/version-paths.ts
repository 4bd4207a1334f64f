import {
  DOWNGRADE_TO_3_4_MIN,
  ETCD_LINES,
  lineIndex,
  lineOf,
  passesUpgradeGate,
  UPGRADE_GATES,
  type EtcdLine,
} from './etcd-lines'
import { words, type EngineWords } from './engine-words/engine-words'
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
    return refuse('UPGRADE_PATH_UNSAFE', words('engine-rules:version.notRun', { target }))
  }
  if (isPrerelease(target)) {
    return refuse('UPGRADE_PATH_UNSAFE', words('engine-rules:version.prerelease', { target }))
  }
  const sorted = [...memberVersions].sort(compareVersions)
  const lowest = sorted[0]!
  const highest = sorted[sorted.length - 1]!
  const low = lineIndex(lineOf(lowest)!)
  const high = lineIndex(lineOf(highest)!)
  const to = lineIndex(targetLine)
  if (memberVersions.every((v) => v === target)) {
    return refuse('UPGRADE_PATH_UNSAFE', words('engine-rules:version.already', { target }))
  }
  if (high - low > 1) {
    return refuse('UPGRADE_PATH_UNSAFE', words('engine-rules:version.apart', { lowest, highest }))
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
      words(
        input.authEnabled === null
          ? 'engine-rules:version.authUnknown'
          : 'engine-rules:version.authOn',
      ),
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

/** Why an upgrade needs hops (a skipped line, or members below a gate), and the hops to take. */
function hopReason(sorted: string[], targetLine: EtcdLine, hops: string[]): EngineWords {
  const fromLine = lineOf(sorted[0]!)!
  const skips = lineIndex(targetLine) - lineIndex(fromLine) > 1
  const gate = UPGRADE_GATES[fromLine] ?? ''
  const below = sorted.filter((v) => !passesUpgradeGate(v)).join(', ')
  const [first = '', ...rest] = hops.slice(0, -1)
  const plan = hops.includes('') ? 'noRelease' : rest.length === 0 ? 'one' : 'more'
  // why and plan pick the nested sentences (engine-rules:version.why.*, version.plan.*).
  return words('engine-rules:version.hops', {
    why: skips ? 'skips' : 'gate',
    plan,
    from: fromLine,
    to: targetLine,
    gate,
    below,
    first,
    rest: rest.join(', '),
  })
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
  if (lineIndex(fromLine) - lineIndex(targetLine) > 1) {
    return refuse(
      'DOWNGRADE_UNSUPPORTED',
      words('engine-rules:version.downgradeSkips', { from: fromLine, to: targetLine }),
    )
  }
  if (fromLine === '3.5') {
    if (!isAtLeast(target, DOWNGRADE_TO_3_4_MIN)) {
      return refuse(
        'DOWNGRADE_UNSUPPORTED',
        words('engine-rules:version.downgradeTooOld', { min: DOWNGRADE_TO_3_4_MIN, target }),
      )
    }
    if (input.authEnabled !== false) {
      return refuse(
        'DOWNGRADE_UNSUPPORTED',
        words(
          input.authEnabled === null
            ? 'engine-rules:version.downgradeAuthUnknown'
            : 'engine-rules:version.downgradeAuthOn',
        ),
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

function refuse(code: VersionChangeRefusal['code'], reason: EngineWords): VersionChangeVerdict {
  return { ok: false, refusal: { code, reason, hops: null } }
}
