import { isAtLeast, isVersion } from './version-order'

/**
 * The etcd minor lines etcd Desk knows, and the facts about them that the engine and the window
 * share: end of life, and the gates of etcd's upgrade and downgrade guides (ETCD-OPS-FACTS §3).
 */

/** Every line etcd Desk runs, oldest first; their flags differ (main/cluster/etcd-flags.ts). */
export const ETCD_LINES = ['3.4', '3.5', '3.6', '3.7'] as const

/** An etcd minor line. */
export type EtcdLine = (typeof ETCD_LINES)[number]

/** Lines etcd no longer supports: 3.4 ended at 3.4.45 ("this release marks the end of support"). */
const END_OF_LIFE_LINES: ReadonlySet<EtcdLine> = new Set(['3.4'])

/**
 * The oldest patch of a line from which the next line may be rolled in: 3.5 → 3.6 needs every
 * member on ≥ 3.5.32 (the current 3.6 upgrade guide), 3.6 → 3.7 needs ≥ 3.6.11 (3.7 stops
 * loading v2 snapshot files). 3.4 → 3.5 works from any 3.4.
 */
export const UPGRADE_GATES: Readonly<Partial<Record<EtcdLine, string>>> = {
  '3.5': '3.5.32',
  '3.6': '3.6.11',
}

/**
 * The oldest 3.4 that can join a 3.5 cluster being downgraded: --next-cluster-version-compatible
 * came in 3.4.31, the fix that makes it join in 3.4.32 (etcd's 3.5 downgrade guide).
 */
export const DOWNGRADE_TO_3_4_MIN = '3.4.32'

/** The first 3.4 patch that has --next-cluster-version-compatible. */
export const NEXT_CLUSTER_VERSION_COMPATIBLE_SINCE = '3.4.31'

/**
 * The line of a version ("3.5.16" → "3.5"), or null for versions etcd Desk cannot run (before
 * 3.4, or not 3.x). Lines after 3.7 are run as 3.7, the newest known.
 */
export function lineOf(version: string): EtcdLine | null {
  const match = /^v?(\d+)\.(\d+)\./.exec(version)
  if (!match) return null
  const [major, minor] = [Number(match[1]), Number(match[2])]
  if (major !== 3 || minor < 4) return null
  return minor >= 7 ? '3.7' : (`3.${minor}` as EtcdLine)
}

/** The position of a line, for "one line up / down" (3.4 → 0 … 3.7 → 3). */
export function lineIndex(line: EtcdLine): number {
  return ETCD_LINES.indexOf(line)
}

/** True for a line etcd no longer supports (shown as "end of life" in version lists). */
export function isEndOfLife(version: string): boolean {
  const line = lineOf(version)
  return line !== null && END_OF_LIFE_LINES.has(line)
}

/** True when `version` may be rolled to the next line (it passes that line's gate). */
export function passesUpgradeGate(version: string): boolean {
  const line = lineOf(version)
  const gate = line ? UPGRADE_GATES[line] : undefined
  return gate === undefined || (isVersion(version) && isAtLeast(version, gate))
}
