import { EtcdLeaseInvalidError, type Etcd3 } from 'etcd3'
import { renewLeaseOnce } from '../etcd/lease-keep-alive'
import type { EngineLog } from '../log/engine-log'
import { PROBE_CALL_DEADLINE_MS, PROBE_LEASE_TTL_SECONDS } from '../../shared/probe'

/** Why a third of the TTL: what etcd's Go client does; two renewals in a row may fail. */
const RENEW_INTERVAL_MS = (PROBE_LEASE_TTL_SECONDS * 1000) / 3

/** A member the lease can be renewed or revoked through. */
export interface LeaseTarget {
  member: string
  client: Etcd3
}

/**
 * The probe's one lease: granted by the first attempt that needs it, renewed every third of its
 * TTL through the next member that answers (not one fixed member, which may be the one killed),
 * granted anew when etcd forgot it, and revoked at close so the probe's keys go with it.
 */
export class ProbeLease {
  private id: string | null = null
  private granting: Promise<string> | null = null
  private renewing: Promise<void> | null = null
  private timer: NodeJS.Timeout | null = null
  private turn = 0
  private isClosed = false

  constructor(
    private readonly targets: () => LeaseTarget[],
    private readonly log: EngineLog,
  ) {}

  /**
   * The lease id; granted through `client` when there is none yet. One grant at a time: an attempt
   * that finds one under way waits for it, and grants through its own member if that one failed
   * (the attempt that made it reports why), so one silent member does not fail the others.
   */
  async idFor(client: Etcd3): Promise<string> {
    if (this.id !== null) return this.id
    if (this.granting) {
      const granted = await this.granting.then(
        (id) => id,
        () => null,
      )
      if (granted !== null) return granted
    }
    // Never a new lease once closing: close() revokes only the one it found.
    if (this.isClosed) throw new Error('the write probe is stopping')
    if (this.id !== null) return this.id
    this.granting ??= this.grant(client).finally(() => (this.granting = null))
    return this.granting
  }

  /** Forgets a lease etcd no longer knows (a put said "requested lease not found"). */
  invalidate(id: string): void {
    if (this.id !== id) return
    this.log.info({ leaseId: id }, 'write probe lease expired; a new one is granted')
    this.id = null
    this.stopRenewing()
  }

  /** True while a renewal timer runs. */
  get hasTimer(): boolean {
    return this.timer !== null
  }

  /** Stops renewing and revokes the lease (its keys vanish); a failed revoke is logged. */
  async close(): Promise<void> {
    this.isClosed = true
    this.stopRenewing()
    await Promise.allSettled([this.granting, this.renewing])
    const id = this.id
    this.id = null
    if (id !== null) await this.revoke(id)
  }

  private async grant(client: Etcd3): Promise<string> {
    const { ID } = await client.leaseClient.leaseGrant({ TTL: PROBE_LEASE_TTL_SECONDS })
    this.id = ID
    // A lease granted while closing is revoked by close(), which waits for this grant.
    if (!this.isClosed) {
      this.timer = setInterval(() => {
        this.renewing ??= this.renew(ID).finally(() => (this.renewing = null))
      }, RENEW_INTERVAL_MS)
    }
    return ID
  }

  private stopRenewing(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
  }

  /** Renews through one member after the other until one answers. */
  private async renew(id: string): Promise<void> {
    const targets = this.rotated()
    const failures: string[] = []
    for (const target of targets) {
      if (this.isClosed || this.id !== id) return
      try {
        const ttl = await renewLeaseOnce(target.client, id, PROBE_CALL_DEADLINE_MS)
        if (ttl <= 0) this.invalidate(id)
        return
      } catch (error) {
        failures.push(`${target.member}: ${messageOf(error)}`)
      }
    }
    this.log.warn({ leaseId: id, failures }, 'write probe lease not renewed by any member')
  }

  /** Revokes through every member at once (bounded by one call deadline); one success is enough. */
  private async revoke(id: string): Promise<void> {
    const targets = this.targets()
    const outcomes = await Promise.allSettled(
      targets.map((t) => t.client.leaseClient.leaseRevoke({ ID: id })),
    )
    // Already expired (or revoked by another member's call): its keys are gone, as intended.
    const isGone = outcomes.some(
      (o) => o.status === 'fulfilled' || o.reason instanceof EtcdLeaseInvalidError,
    )
    if (isGone) return
    const failures = outcomes.map((o, i) =>
      o.status === 'rejected' ? `${targets[i]?.member}: ${messageOf(o.reason)}` : '',
    )
    this.log.warn(
      { leaseId: id, failures, expiresWithinSeconds: PROBE_LEASE_TTL_SECONDS },
      'write probe lease not revoked; its keys expire with it',
    )
  }

  /** The targets, starting one further at each call. */
  private rotated(): LeaseTarget[] {
    const targets = this.targets()
    const start = targets.length === 0 ? 0 : this.turn++ % targets.length
    return [...targets.slice(start), ...targets.slice(0, start)]
  }
}

/** An error's message, for the log and the window. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
