import type { MemberDefinition } from './cluster'
import { lineOf } from './etcd-lines'
import { isAtLeast, isVersion } from './version-order'

/**
 * "Enable TLS" on a running plain cluster, in the three rolling phases that lose no write
 * (ETCD-OPS-FACTS §1.4), saved in the cluster's definition member by member so an engine that
 * stops half way continues where it was:
 * - 'material': each member restarts with its certificates, serving https next to http (clients
 *   keep http), its peer URL still http;
 * - 'peers': each member's peer URL becomes https (`member update`), then it restarts;
 * - 'https-only': clients use https now; each member restarts without its http listener.
 */
export type TlsSwitchPhase = 'material' | 'peers' | 'https-only'

/** The phases in order. */
export const TLS_SWITCH_PHASES: readonly TlsSwitchPhase[] = ['material', 'peers', 'https-only']

/** A TLS switch in progress, as saved with the cluster. */
export interface TlsSwitch {
  phase: TlsSwitchPhase
  /** Members done with the current phase. */
  done: string[]
  /** The member being moved through the current phase (its restart uses the phase's flags). */
  member: string | null
  /** ISO time the switch began. */
  startedAt: string
}

/** How far one member is: which URLs and certificates it starts with. */
export type MemberTlsStage = 'plain' | 'material' | 'peer' | 'tls'

/** The stage of a member that has not begun a phase yet, and of one that has, by phase. */
const STAGES: Readonly<Record<TlsSwitchPhase, readonly [MemberTlsStage, MemberTlsStage]>> = {
  material: ['plain', 'material'],
  peers: ['material', 'peer'],
  'https-only': ['peer', 'tls'],
}

/** Where a member is in a TLS switch (or 'tls' / 'plain' when none runs). */
export function memberTlsStage(
  def: { tls?: boolean; tlsSwitch?: TlsSwitch | null },
  member: Pick<MemberDefinition, 'name'>,
): MemberTlsStage {
  const change = def.tlsSwitch
  if (!change) return def.tls ? 'tls' : 'plain'
  const [before, after] = STAGES[change.phase]
  const isMoved = change.done.includes(member.name) || change.member === member.name
  return isMoved ? after : before
}

/**
 * The first patch of each line where one client port serves http and https together safely:
 * before it, a data race can kill plain gRPC on such a port (etcd #15495, fixed in 3.4.25 and
 * 3.5.8; ETCD-OPS-FACTS §0.2). Lines after 3.5 have the fix.
 */
const SHARED_PORT_SAFE_SINCE: Readonly<Record<string, string>> = {
  '3.4': '3.4.25',
  '3.5': '3.5.8',
}

/**
 * True when a member on `version` can serve http and https on one client port during a TLS
 * switch; false when plain http needs a port of its own (Debian's 3.4.23 is one).
 */
export function sharesClientPortSafely(version: string): boolean {
  const line = lineOf(version)
  const since = line ? SHARED_PORT_SAFE_SINCE[line] : undefined
  return since === undefined || (isVersion(version) && isAtLeast(version, since))
}

/**
 * The first patch of each line where `member update` leaves a learner a learner: before it,
 * etcd silently makes it a voter (fixed in 3.5.31 and 3.6.12; 3.4 never got the fix;
 * ETCD-OPS-FACTS §0.5). 3.7 has the fix.
 */
const LEARNER_UPDATE_SAFE_SINCE: Readonly<Record<string, string | null>> = {
  '3.4': null,
  '3.5': '3.5.31',
  '3.6': '3.6.12',
}

/** True when `member update` on a learner run by `version` keeps it a learner. */
export function updatesLearnerSafely(version: string): boolean {
  const line = lineOf(version)
  if (!line) return false
  const since = LEARNER_UPDATE_SAFE_SINCE[line]
  if (since === undefined) return true
  return since !== null && isVersion(version) && isAtLeast(version, since)
}

/** One member restarted by "Enable TLS" or "Rotate certificates". */
export interface TlsRestart {
  member: string
  /** The phase of "Enable TLS", or 'rotate'. */
  phase: TlsSwitchPhase | 'rotate'
  /** From its stop to caught up again. */
  tookMs: number
}

/** What "Enable TLS" or "Rotate certificates" did, and what clients saw meanwhile. */
export interface TlsChangeReport {
  cluster: string
  kind: 'enable' | 'rotate'
  restarts: TlsRestart[]
  /** Members that served plain http on a port of their own during the switch (old etcd). */
  plainPorts: { member: string; port: number }[]
  /** The write probe's counts during the whole change. */
  probe: { ok: number; failed: number } | null
  /** The etcd and etcdctl commands that did the same, in order. */
  commands: string[]
}
