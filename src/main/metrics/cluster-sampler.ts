import type { MemberMetrics, MetricsSample } from '../../shared/metrics'
import type { EngineLog } from '../log/engine-log'
import { quantileBetween, ratePerSecond } from './histogram-math'
import { MemberScraper } from './member-scraper'
import type { MetricsMember, MetricsSource } from './metrics-source'
import type { MemberReading } from './metrics-text'

/** A member's last reading and when it was taken, for rates and histogram deltas. */
interface Previous {
  at: number
  reading: MemberReading
}

/**
 * Reads every member of one cluster once per round (all at once) and turns the readings into a
 * sample: gauges as read, p99s and the request rate from the difference with the member's
 * previous reading. A member that does not answer is a gap (nulls) and is logged once per
 * outage, when it goes silent and when it answers again.
 */
export class ClusterSampler {
  private readonly scrapers = new Map<string, MemberScraper>()
  private readonly previous = new Map<string, Previous>()
  private readonly silent = new Set<string>()

  constructor(
    private readonly cluster: string,
    private readonly source: MetricsSource,
    private readonly log: EngineLog,
  ) {}

  /** One round: every member read at once; resolves with the sample (never rejects). */
  async sample(now: () => number = Date.now): Promise<MetricsSample> {
    const members = this.source.members()
    this.dropGone(members)
    const status = this.source.status()
    const rows = await Promise.all(
      members.map(async (member) => {
        const reading = member.isStoppedOnPurpose ? null : await this.read(member)
        const at = now()
        const listed = status?.members.find((m) => m.member === member.name)
        return this.toMetrics(member.name, reading, at, {
          raftIndex: toNumber(listed?.raftIndex),
          appliedIndex: toNumber(listed?.raftAppliedIndex),
        })
      }),
    )
    return { at: now(), members: rows, probeP99Ms: this.source.probeP99Ms() }
  }

  /** Closes every member connection. */
  close(): void {
    for (const scraper of this.scrapers.values()) scraper.close()
    this.scrapers.clear()
  }

  private async read(member: MetricsMember): Promise<MemberReading | null> {
    try {
      const reading = await this.scraperOf(member).scrape()
      if (this.silent.delete(member.name)) {
        this.log.info({ cluster: this.cluster, member: member.name }, 'metrics answer again')
      }
      return reading
    } catch (error) {
      if (!this.silent.has(member.name)) {
        this.silent.add(member.name)
        this.log.warn(
          { cluster: this.cluster, member: member.name, err: error },
          'a member does not answer /metrics; its charts show a gap until it does',
        )
      }
      this.previous.delete(member.name)
      return null
    }
  }

  private toMetrics(
    member: string,
    reading: MemberReading | null,
    at: number,
    indexes: { raftIndex: number | null; appliedIndex: number | null },
  ): MemberMetrics {
    const before = this.previous.get(member) ?? null
    if (reading) this.previous.set(member, { at, reading })
    const elapsed = before ? at - before.at : 0
    const p99Ms = (pick: 'walFsync' | 'backendCommit'): number | null => {
      const now = reading?.[pick]
      const p99 = now && before ? quantileBetween(before.reading[pick], now, 0.99) : null
      return p99 === null ? null : p99 * 1000
    }
    return {
      member,
      ...(reading ? indexes : { raftIndex: null, appliedIndex: null }),
      proposalsCommitted: reading?.proposalsCommitted ?? null,
      proposalsApplied: reading?.proposalsApplied ?? null,
      proposalsPending: reading?.proposalsPending ?? null,
      proposalsFailed: reading?.proposalsFailed ?? null,
      dbSizeBytes: reading?.dbSizeBytes ?? null,
      dbInUseBytes: reading?.dbInUseBytes ?? null,
      leaderChanges: reading?.leaderChanges ?? null,
      walFsyncP99Ms: p99Ms('walFsync'),
      backendCommitP99Ms: p99Ms('backendCommit'),
      clientRequestsPerSecond:
        reading && reading.grpcHandled !== null && before
          ? ratePerSecond(before.reading.grpcHandled, reading.grpcHandled, elapsed)
          : null,
    }
  }

  /** The member's scraper, opened anew when its URL or the cluster's security changed. */
  private scraperOf(member: MetricsMember): MemberScraper {
    const security = this.source.security()
    const known = this.scrapers.get(member.name)
    if (known && known.clientUrl === member.clientUrl && known.security === security) return known
    known?.close()
    const scraper = new MemberScraper(member.clientUrl, security)
    this.scrapers.set(member.name, scraper)
    return scraper
  }

  /** Forgets members no longer in the cluster (removed). */
  private dropGone(members: MetricsMember[]): void {
    const names = new Set(members.map((m) => m.name))
    for (const [name, scraper] of this.scrapers) {
      if (names.has(name)) continue
      scraper.close()
      this.scrapers.delete(name)
      this.previous.delete(name)
      this.silent.delete(name)
    }
  }
}

/** A decimal string index as a number (exact below 2^53, far beyond a desk cluster's log). */
function toNumber(value: string | null | undefined): number | null {
  if (value === null || value === undefined) return null
  const n = Number(value)
  return Number.isFinite(n) ? n : null
}
