import type { EngineWords } from './engine-words/engine-words'
import type { EtcdLine } from './etcd-lines'

/** What changing a cluster's version does: within a line, to the next line, back, or undoing a half-done upgrade. */
type VersionChangeKind = 'patch' | 'upgrade' | 'downgrade' | 'rollback'

/**
 * How a downgrade across lines tells etcd: 3.6 and 3.7 with `etcdctl downgrade enable`, 3.5 → 3.4
 * with --next-cluster-version-compatible on each 3.4 member. Null for the other kinds.
 */
type DowngradeMethod = 'downgrade-api' | 'next-cluster-version-compatible' | null

/** A version change etcd Desk will run: one rolling swap per hop, in order. */
export interface VersionChangePlan {
  kind: VersionChangeKind
  /** The version every member ends on. */
  target: string
  /** Each rolling swap's version, in order; the last is `target` (two entries for a two-hop plan). */
  hops: string[]
  downgrade: DowngradeMethod
}

/** Why a version change is not offered (an error code of the contract), with what to do instead. */
export interface VersionChangeRefusal {
  code: 'UPGRADE_PATH_UNSAFE' | 'UPGRADE_AUTH_ENABLED' | 'DOWNGRADE_UNSUPPORTED'
  /** In words naming the versions ("3.5 → 3.6 needs every member on 3.5.32 or newer; …"): english() for the engine. */
  reason: EngineWords
  /** A safe plan to the same target in several hops, when there is one (the "two-hop plan"). */
  hops: string[] | null
}

/** The verdict on one target version. */
export type VersionChangeVerdict =
  { ok: true; plan: VersionChangePlan } | { ok: false; refusal: VersionChangeRefusal }

/** One version the Upgrade dialog lists, with what choosing it would do. */
export interface VersionOption {
  version: string
  line: EtcdLine
  /** The line is past its end of life (3.4). */
  isEndOfLife: boolean
  /** Installed already; otherwise the upgrade downloads it first. */
  isInstalled: boolean
  verdict: VersionChangeVerdict
}

/** What the Upgrade dialog needs: the versions now, and every version it could move to. */
export interface UpgradeChoices {
  cluster: string
  /** Each member's etcd version, as etcd Desk runs it. */
  members: { member: string; version: string }[]
  /** The version the cluster runs at (`/version`'s etcdcluster): the lowest member's line. */
  clusterVersion: string | null
  /** True when authentication is on (refuses 3.4 ↔ 3.5); null when it could not be read. */
  authEnabled: boolean | null
  /** An upgrade paused or interrupted earlier, which "Continue" resumes. */
  pending: PendingUpgrade | null
  /** Newest first. */
  options: VersionOption[]
}

/** One member's swap during a rolling version change. */
export interface MemberSwapReport {
  member: string
  from: string
  to: string
  /** From the stop to healthy and caught up on the new binary, in ms. */
  tookMs: number
  /** True when it did not come back on the new binary and was started on its old one again. */
  rolledBack: boolean
}

/** How a version change went. */
export interface UpgradeReport {
  cluster: string
  plan: VersionChangePlan
  /** The snapshot saved before the first member was touched (restorable from the Maintenance tab). */
  snapshotId: string | null
  members: MemberSwapReport[]
  /** 'done': every member on the target; 'paused'/'aborted': stopped between members on request. */
  outcome: 'done' | 'paused' | 'aborted'
  /** The cluster version at the end (`/version`'s etcdcluster). */
  clusterVersion: string | null
  /** The write probe's counts during the whole change. */
  probe: { ok: number; failed: number } | null
  /** The same change as shell, etcd and etcdctl commands, in order. */
  commands: string[]
}

/**
 * A version change in progress, saved with the cluster: an engine that stops half way finds it at
 * its next start and reports the mixed state; "Continue" finishes it. The truth about which
 * binary each member runs is the member's own etcdVersion, saved before it starts on a new one.
 */
export interface PendingUpgrade {
  plan: VersionChangePlan
  startedAt: string
  snapshotId: string | null
  /** The member being swapped right now, or null between members. */
  member: string | null
  /** True when the user paused it after a member ("Pause after this member"). */
  paused: boolean
}
