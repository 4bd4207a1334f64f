import type { MemberSpec } from '../../shared/cluster'
import type { ClusterRuntime } from '../cluster/cluster-runtime'
import { runReported, type ReportedContext } from '../cluster/reported-operation'
import { words, type EngineWords } from '../../shared/engine-words/engine-words'
import { EngineError } from '../errors/engine-error'
import type { ProbeMeter } from '../probe/probe-meter'
import { addMember, type AddMemberRequest } from './add-member'
import { makeLeader } from './make-leader'
import { promoteMember } from './promote-member'
import { removeMember } from './remove-member'
import { resumeChange, type ResumeOutcome } from './resume-change'
import { assertNoTlsSwitch } from '../tls/tls-switch-guards'
import { suggestMember } from './suggest-member'

/**
 * Membership of one running cluster: add (as learner by default), promote, remove, make leader,
 * and finishing a change an earlier engine left half done. Each is an operation of the cluster
 * (refused with CLUSTER_BUSY while another runs) with a report: its steps and the write probe's
 * counts meanwhile (ClusterView.lastOperation).
 */
export class MembershipActions {
  constructor(
    private readonly runtime: ClusterRuntime,
    private readonly probes: ProbeMeter,
  ) {}

  /** The next member's name and ports, by the cluster's scheme; `taken`: every cluster's ports. */
  suggest(taken: ReadonlySet<number>): Promise<MemberSpec> {
    return suggestMember(this.runtime.def, taken)
  }

  /** Adds a member (see addMember). */
  add(request: AddMemberRequest): Promise<void> {
    this.assertNewName(request.name)
    // A member joining half way through "Enable TLS" would have no certificates for its phase.
    assertNoTlsSwitch(this.runtime, 'adding a member')
    const label = request.asLearner
      ? 'engine-steps-cluster:label.memberAddLearner'
      : 'engine-steps-cluster:label.memberAddVoter'
    return this.run('member-add', words(label, { member: request.name }), request.name, (ctx) =>
      addMember(this.runtime, request, ctx),
    )
  }

  /** Promotes a learner (see promoteMember). */
  promote(name: string): Promise<void> {
    return this.run('member-promote', labelOf('memberPromote', name), name, (ctx) =>
      promoteMember(this.runtime, name, ctx),
    )
  }

  /** Removes a member (see removeMember). */
  remove(name: string, keepData: boolean): Promise<void> {
    return this.run('member-remove', labelOf('memberRemove', name), name, (ctx) =>
      removeMember(this.runtime, name, keepData, ctx),
    )
  }

  /** Moves leadership to a member (etcd's move-leader). */
  makeLeader(name: string): Promise<void> {
    return this.run('member-make-leader', labelOf('makeLeader', name), name, (ctx) =>
      makeLeader(this.runtime, name, ctx),
    )
  }

  /** Finishes or rolls back a change left half done; null when there is none or nothing runs. */
  async resumePending(): Promise<ResumeOutcome | null> {
    const change = this.runtime.def.pendingChange
    if (!change || !this.runtime.isActive()) return null
    const name = change.kind === 'add' ? change.member.name : change.member
    return this.run('resume-change', labelOf('resumeChange', name), name, (ctx) =>
      resumeChange(this.runtime, change, ctx),
    )
  }

  private run<T>(
    kind:
      'member-add' | 'member-promote' | 'member-remove' | 'member-make-leader' | 'resume-change',
    label: EngineWords,
    member: string,
    work: (ctx: ReportedContext) => Promise<T>,
  ): Promise<T> {
    const request = { kind, label, policy: 'refuse' as const, isCancellable: true, member }
    return runReported(this.runtime, this.probes, request, work)
  }

  private assertNewName(name: string): void {
    const cluster = this.runtime.def.name
    if (this.runtime.def.members.some((m) => m.name === name)) {
      throw new EngineError(
        'MEMBER_EXISTS',
        `Cluster ${cluster} already has a member named ${name}.`,
        {
          cluster,
          member: name,
        },
      )
    }
  }
}

/** The label of a membership operation on one member ("Removing member etcd2"). */
function labelOf(
  action: 'memberPromote' | 'memberRemove' | 'makeLeader' | 'resumeChange',
  member: string,
): EngineWords {
  return words(`engine-steps-cluster:label.${action}`, { member })
}
