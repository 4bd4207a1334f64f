import type { ClusterView, MemberSpec } from '../../shared/cluster'
import { portsOf } from '../../shared/port-scheme'
import type { ClusterRuntime } from '../cluster/cluster-runtime'
import type { AddMemberRequest } from '../membership/add-member'
import { assertNewMemberPorts } from '../membership/validate-new-member'
import type { TakenCluster } from './cluster-reservations'

/** What the membership side of the engine needs of the engine. */
export interface ClusterMembershipDeps {
  runtime: (cluster: string) => ClusterRuntime
  /** Every cluster and its ports (those being created and members being added included). */
  taken: () => TakenCluster[]
  assertOpen: () => void
}

/**
 * The engine's membership and member-fault actions on running clusters: add, promote, remove,
 * make leader, pause, resume. Each answers the cluster as it is afterwards.
 */
export class ClusterMembership {
  constructor(private readonly deps: ClusterMembershipDeps) {}

  /** The name and ports a new member of `cluster` would get. */
  suggest(cluster: string): Promise<MemberSpec> {
    const taken = new Set(this.deps.taken().flatMap((c) => portsOf(c.members)))
    return this.deps.runtime(cluster).membership.suggest(taken)
  }

  /** Adds a member (as a learner unless asked otherwise) and starts it. */
  add(cluster: string, request: AddMemberRequest): Promise<ClusterView> {
    return this.act(cluster, (r) => {
      assertNewMemberPorts(cluster, request, this.deps.taken())
      return r.membership.add(request)
    })
  }

  /** Promotes a learner to a voter. */
  promote(cluster: string, member: string): Promise<ClusterView> {
    return this.act(cluster, (r) => r.membership.promote(member))
  }

  /** Removes a member; its data is deleted unless `keepData`. */
  remove(cluster: string, member: string, keepData: boolean): Promise<ClusterView> {
    return this.act(cluster, (r) => r.membership.remove(member, keepData))
  }

  /** Makes a member the leader. */
  makeLeader(cluster: string, member: string): Promise<ClusterView> {
    return this.act(cluster, (r) => r.membership.makeLeader(member))
  }

  /** Pauses a member (SIGSTOP). */
  pause(cluster: string, member: string): Promise<ClusterView> {
    return this.act(cluster, (r) => r.members.pause(member))
  }

  /** Resumes a paused member (SIGCONT). */
  resume(cluster: string, member: string): Promise<ClusterView> {
    return this.act(cluster, (r) => r.members.resume(member))
  }

  private async act(
    cluster: string,
    run: (runtime: ClusterRuntime) => Promise<void>,
  ): Promise<ClusterView> {
    this.deps.assertOpen()
    const runtime = this.deps.runtime(cluster)
    await run(runtime)
    return runtime.view()
  }
}
