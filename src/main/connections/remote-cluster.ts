import { EventEmitter } from 'node:events'
import type { ClusterStatus, LeaderChange } from '../../shared/cluster'
import type { ConnectionSpec } from '../../shared/connections'
import type { ErrorDetails } from '../../shared/error-details'
import type { ClientSecurity } from '../etcd/client-security'
import { openMemberClient } from '../etcd/member-client'
import { EngineError } from '../errors/engine-error'
import type { MaintenanceTarget } from '../maintenance/maintenance-target'
import type { EngineLog } from '../log/engine-log'
import { ClusterStatusPoller } from '../status/cluster-status-poller'
import { MemberStatusReader } from '../status/member-status-reader'
import { toHexId } from '../status/status-mapping'
import { describeProblem } from './connection-problems'

/** Why 5 s: a member across a network answers in milliseconds; 5 s tells "down" from "slow". */
const DISCOVERY_DEADLINE_MS = 5_000

/** Why 2 s: status of a cluster etcd Desk does not run, kept fresh but lighter than local ones. */
const REMOTE_POLL_MS = 2_000

/** What the key browser needs to reach a connected cluster. */
export interface RemoteKeyTarget {
  endpoints: string[]
  security: ClientSecurity
  readOnly: boolean
}

/** What a connected cluster tells the engine. */
interface RemoteEvents {
  status: [status: ClusterStatus]
  'leader-change': [change: LeaderChange]
}

/**
 * A connected cluster while it is open: its members found from etcd's member list (each polled
 * at its own client URL, so every member's leader, term, indexes, DB size, version and alarms
 * show, not only the endpoint the user typed), and what its keys are read with.
 */
export class RemoteCluster extends EventEmitter<RemoteEvents> {
  private readonly poller: ClusterStatusPoller
  /** The members found when opened: each one's name and first client URL. */
  private members: { name: string; clientUrl: string }[] = []

  constructor(
    readonly spec: ConnectionSpec,
    readonly security: ClientSecurity,
    private readonly log: EngineLog,
  ) {
    super()
    this.poller = new ClusterStatusPoller(spec.name, [], {
      intervalMs: REMOTE_POLL_MS,
      createReader: (endpoint) => new MemberStatusReader(endpoint, security),
      onError: (error) => log.warn({ err: error }, 'status poll of a connected cluster failed'),
    })
    this.poller.on('status', (status) => this.emit('status', status))
    this.poller.on('leader-change', (change) => this.emit('leader-change', change))
  }

  /**
   * Finds the members (member list from the first endpoint that answers) and starts polling
   * them; CONNECTION_FAILED lists each endpoint's problem in words when none answers.
   */
  async open(): Promise<ClusterStatus> {
    const problems: ErrorDetails['CONNECTION_FAILED']['problems'] = []
    for (const endpoint of this.spec.endpoints) {
      const client = openMemberClient(endpoint, {
        security: this.security,
        callDeadlineMs: DISCOVERY_DEADLINE_MS,
      })
      try {
        const { members } = await client.cluster.memberList({ linearizable: false })
        this.members = members.map((m) => ({
          // A member that has not started yet has no name: its id stands in.
          name: m.name || toHexId(m.ID),
          clientUrl: m.clientURLs[0] ?? endpoint,
        }))
        this.poller.setMembers(this.members)
        this.poller.start()
        return await this.poller.pollNow()
      } catch (error) {
        const { words, problemWords, detail } = describeProblem(error)
        this.log.info({ endpoint, detail }, 'an endpoint of a connection did not answer')
        problems.push({ endpoint, words, problemWords, detail })
      } finally {
        client.close()
      }
    }
    const connection = this.spec.name
    throw new EngineError(
      'CONNECTION_FAILED',
      `No endpoint of connection ${connection} answered: ${problems.map((p) => `${p.endpoint}: ${p.words}`).join(' ')}`,
      { connection, problems },
    )
  }

  /** Polls every member now. */
  poll(): Promise<ClusterStatus> {
    return this.poller.pollNow()
  }

  /** The status polled last, or null before the first poll. */
  get status(): ClusterStatus | null {
    return this.poller.latest
  }

  /** What the key browser uses: every endpoint the user gave (failover), the security, read-only. */
  keyTarget(): RemoteKeyTarget {
    return { endpoints: this.spec.endpoints, security: this.security, readOnly: this.spec.readOnly }
  }

  /**
   * What maintenance calls reach: every member at its own client URL; one whose last status
   * could not be read counts as not serving (it is named, not called).
   */
  maintenanceTarget(): MaintenanceTarget {
    const unreachable = new Set(
      (this.poller.latest?.members ?? []).filter((m) => m.unreachable).map((m) => m.member),
    )
    const members = this.members
    return {
      def: { name: this.spec.name, members },
      view: () => ({
        members: members.map((m) => ({
          ...m,
          state: unreachable.has(m.name) ? ('stopped' as const) : ('running' as const),
        })),
      }),
      security: this.security,
      log: this.log,
    }
  }

  /** Stops polling and closes the members' clients. */
  close(): Promise<void> {
    return this.poller.stop()
  }
}
