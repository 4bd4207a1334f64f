import { EventEmitter } from 'node:events'
import type { ClusterStatus, LeaderChange, ListedMember, MemberStatus } from '../../shared/cluster'
import { findLeader, summarizeCluster } from './cluster-summary'
import { LeaderTracker } from './leader-tracker'
import { PLAIN_SECURITY, type ClientSecurity } from '../etcd/client-security'
import { MemberStatusReader, type MemberEndpoint } from './member-status-reader'

/** Pause between the end of one poll and the start of the next. */
// Why: once a second shows an election (≈2 s after a leader crash, ETCD-FACTS) as it happens,
// and costs ≈1 % of one core for 3 members (measured), under the engine's 2 % idle budget.
const POLL_INTERVAL_MS = 1_000
/** Why 3: a changed cluster version shows within ~3 s, about etcd's own delay in moving it. */
const CLUSTER_VERSION_EVERY = 3

/** What the poller emits: every fresh status, and every change of leader. */
export interface ClusterStatusEvents {
  status: [status: ClusterStatus]
  'leader-change': [change: LeaderChange, status: ClusterStatus]
}

/** The part of a member reader the poller uses; tests may pass their own. */
export type StatusReader = Pick<
  MemberStatusReader,
  'endpoint' | 'read' | 'listMembers' | 'clusterVersion' | 'close'
>

/** Options of a poller; the defaults suit the app. */
export interface ClusterStatusPollerOptions {
  intervalMs?: number
  createReader?: (endpoint: MemberEndpoint) => StatusReader
  /** TLS material and user of the cluster (default: plain http, no user). */
  security?: ClientSecurity
  /** Told about a timed poll that failed (nobody awaits those); the next one tries again. */
  onError?: (error: unknown) => void
}

/** Polls every member of one cluster, never overlapping, and publishes the cluster's status. */
export class ClusterStatusPoller {
  private readonly events = new EventEmitter<ClusterStatusEvents>()
  private readonly readers = new Map<string, StatusReader>()
  private readonly knownIds = new Map<string, string>()
  private readonly tracker = new LeaderTracker()
  private readonly intervalMs: number
  private readonly createReader: (endpoint: MemberEndpoint) => StatusReader
  private readonly onError: (error: unknown) => void
  private members: MemberEndpoint[] = []
  private memberList: ListedMember[] = []
  private timer: NodeJS.Timeout | null = null
  private current: Promise<ClusterStatus> | null = null
  private queued: Promise<ClusterStatus> | null = null
  private isRunning = false
  /** True while stop() runs: a poll it cut short publishes nothing. */
  private isStopped = false
  private last: ClusterStatus | null = null
  /** The cluster version read last, the members' versions it was read with, and when. */
  private versionRead: { version: string | null; servers: string; poll: number } | null = null
  private polls = 0

  constructor(
    readonly cluster: string,
    members: MemberEndpoint[],
    options: ClusterStatusPollerOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? POLL_INTERVAL_MS
    this.createReader =
      options.createReader ?? ((e) => new MemberStatusReader(e, options.security ?? PLAIN_SECURITY))
    this.onError = options.onError ?? (() => undefined)
    this.setMembers(members)
  }

  /** Replaces the member list; clients of unchanged members are kept, others opened or closed. */
  setMembers(members: MemberEndpoint[]): void {
    this.members = members.map((m) => ({ name: m.name, clientUrl: m.clientUrl }))
    for (const [name, reader] of this.readers) {
      const next = this.members.find((m) => m.name === name)
      if (next?.clientUrl === reader.endpoint.clientUrl) continue
      reader.close()
      this.readers.delete(name)
      this.knownIds.delete(name)
    }
  }

  /**
   * Closes every member client, so the next poll opens new ones (the cluster's user changed). A
   * poll in flight on an old client publishes nothing for that member (see pollOnce).
   */
  renewReaders(): void {
    for (const reader of this.readers.values()) reader.close()
    this.readers.clear()
  }

  /** Subscribes to an event; returns the function that unsubscribes. */
  on<E extends keyof ClusterStatusEvents>(
    event: E,
    listener: (...args: ClusterStatusEvents[E]) => void,
  ): () => void {
    // Why: @types/node types listeners through a conditional type that TS cannot resolve for a
    // generic E; the signature above already ties the listener to its event.
    this.events.on(event, listener as never)
    return () => void this.events.off(event, listener as never)
  }

  /** The last status published, if any. */
  get latest(): ClusterStatus | null {
    return this.last
  }

  /** Starts polling at once, then every interval after each poll ends. */
  start(): void {
    if (this.isRunning) return
    this.isRunning = true
    if (!this.current) this.pollInBackground()
  }

  /**
   * Stops polling: closes every client first, which ends a poll in flight at once (a member being
   * stopped must not wait for our /health quorum read: etcd 3.5 holds its exit for it), then
   * waits for that poll to settle; its answer is not published. Leaves no timer.
   */
  async stop(): Promise<void> {
    this.isRunning = false
    this.isStopped = true
    this.clearTimer()
    for (const reader of this.readers.values()) reader.close()
    this.readers.clear()
    await Promise.allSettled([this.current, this.queued])
    this.clearTimer()
    this.isStopped = false
  }

  /** Polls now and returns the fresh status; a poll in flight is awaited, then a new one runs. */
  pollNow(): Promise<ClusterStatus> {
    if (!this.current) return this.runPoll()
    // The poll in flight is awaited only for its end; its own caller sees its outcome.
    this.queued ??= this.current.then(
      () => this.runQueued(),
      () => this.runQueued(),
    )
    return this.queued
  }

  private runQueued(): Promise<ClusterStatus> {
    this.queued = null
    return this.runPoll()
  }

  /** A poll nobody awaits (the first, and each timed one): its failure goes to onError. */
  private pollInBackground(): void {
    this.runPoll().catch((error: unknown) => this.onError(error))
  }

  private runPoll(): Promise<ClusterStatus> {
    this.clearTimer()
    const poll = this.pollOnce().finally(() => {
      this.current = null
      if (this.isRunning && !this.queued) {
        this.timer = setTimeout(() => this.pollInBackground(), this.intervalMs)
      }
    })
    this.current = poll
    return poll
  }

  private async pollOnce(): Promise<ClusterStatus> {
    const readers = this.members.map((m) => this.readerFor(m))
    const statuses = await Promise.all(readers.map((r) => r.read()))
    // Why: setMembers may have closed a reader during the poll; its answer is about a member
    // that is gone (or moved), so it is left out rather than shown as "client closed".
    const members = statuses
      .filter((s, i) => this.readers.get(s.member) === readers[i])
      .map((s) => this.withKnownId(s))
    this.memberList = await this.readMemberList(members)
    const clusterVersion = await this.clusterVersionNow(members)
    const at = new Date().toISOString()
    const leader = findLeader(members, this.memberList)
    const change = this.tracker.observe(leader?.name ?? null, leader?.term ?? null, at)
    const status = summarizeCluster({
      cluster: this.cluster,
      at,
      members,
      memberList: this.memberList,
      leader,
      leaderChanges: this.tracker.changes,
      clusterVersion,
    })
    if (this.isStopped) return status
    this.last = status
    this.events.emit('status', status)
    if (change) this.events.emit('leader-change', change, status)
    return status
  }

  private readerFor(endpoint: MemberEndpoint): StatusReader {
    let reader = this.readers.get(endpoint.name)
    if (!reader) {
      reader = this.createReader(endpoint)
      this.readers.set(endpoint.name, reader)
    }
    return reader
  }

  /** Remembers each member's id, and shows the last known id of a member that does not answer. */
  private withKnownId(status: MemberStatus): MemberStatus {
    if (status.id !== null) {
      this.knownIds.set(status.member, status.id)
      return status
    }
    return { ...status, id: this.knownIds.get(status.member) ?? null }
  }

  /** etcd's member list from the first member that answers; the last known list if none does. */
  private async readMemberList(members: MemberStatus[]): Promise<ListedMember[]> {
    for (const member of members) {
      const reader = this.readers.get(member.member)
      if (member.unreachable !== null || !reader) continue
      try {
        return await reader.listMembers()
      } catch (error) {
        // Not fatal: the next member may answer; the list is only missing if none does.
        this.onError(error)
      }
    }
    return this.memberList
  }

  /**
   * The cluster version, read again only when a member's server version changed (a member was
   * swapped or added), none was read yet, or CLUSTER_VERSION_EVERY polls passed (the leader moves
   * it a few seconds after the last member is upgraded): one /version call a poll would cost
   * more than the rest of an idle engine (bench idle-overhead).
   */
  private async clusterVersionNow(members: MemberStatus[]): Promise<string | null> {
    this.polls++
    const servers = members.map((m) => `${m.member}=${m.version ?? '?'}`).join(',')
    const read = this.versionRead
    const isFresh =
      read !== null &&
      read.version !== null &&
      read.servers === servers &&
      this.polls - read.poll < CLUSTER_VERSION_EVERY
    if (isFresh) return read.version
    const version = await this.readClusterVersion(members)
    this.versionRead = { version, servers, poll: this.polls }
    return version
  }

  /** `/version`'s cluster version from the first member that answers; null if none does. */
  private async readClusterVersion(members: MemberStatus[]): Promise<string | null> {
    for (const member of members) {
      const reader = this.readers.get(member.member)
      if (member.unreachable !== null || !reader) continue
      try {
        return await reader.clusterVersion()
      } catch (error) {
        // Not fatal: the next member may answer.
        this.onError(error)
      }
    }
    return null
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }
}
