import type { MemberDefinition, PendingMemberChange } from '../../shared/cluster'
import type { ClusterRuntime } from '../cluster/cluster-runtime'
import { peerUrlOf } from '../cluster/etcd-flags'
import type { ReportedContext } from '../cluster/reported-operation'
import { listedMember, readClusterFacts, type ClusterFacts } from './cluster-facts'
import { startAdded } from './add-member'
import { finishRemove } from './remove-member'

/** What resuming an interrupted change did, in one sentence for the start-up report. */
export type ResumeOutcome = { kind: 'finished' | 'rolled-back'; sentence: string }

/**
 * Finishes or rolls back a membership change an earlier engine left half done (it crashed between
 * two steps), from what the definition saved and what etcd's member list says now. The cluster
 * must be running: only a member can tell what etcd applied.
 */
export async function resumeChange(
  runtime: ClusterRuntime,
  change: PendingMemberChange,
  ctx: ReportedContext,
): Promise<ResumeOutcome> {
  const cluster = runtime.def.name
  const facts = await readClusterFacts(runtime)
  if (change.kind === 'add') {
    const listed = listedMember(facts, change.member.name, peerUrlOf(runtime.def, change.member))
    if (!listed) {
      await dropUnlisted(runtime, change.member)
      const sentence = `Rolled back adding member ${change.member.name} to cluster ${cluster}: etcd never added it.`
      ctx.note(sentence)
      return { kind: 'rolled-back', sentence }
    }
    const member = await withJoin(runtime, facts, change.member)
    await startAdded(runtime, member, listed.id, ctx).catch((error: unknown) => {
      // startAdded rolled the member back already (and logged how); the sentence below says so.
      runtime.log.warn({ member: member.name, err: error }, 'finishing an interrupted add failed')
    })
    const isThere = runtime.def.members.some((m) => m.name === member.name)
    const sentence = isThere
      ? `Finished adding member ${member.name} to cluster ${cluster} (etcd had added it; it is now started).`
      : `Rolled back adding member ${member.name} to cluster ${cluster}: it could not start, so etcd removed it again.`
    return { kind: isThere ? 'finished' : 'rolled-back', sentence }
  }
  const member = runtime.def.members.find((m) => m.name === change.member)
  const stillListed = facts.listed.some((m) => m.id === change.memberId)
  if (stillListed && member) {
    await runtime.saveDefinition({ ...runtime.def, pendingChange: null })
    const sentence = `Rolled back removing member ${change.member} from cluster ${cluster}: etcd still lists it, so it stays.`
    ctx.note(sentence)
    return { kind: 'rolled-back', sentence }
  }
  await finishRemove(runtime, change.member, change.keepData, ctx)
  const sentence = `Finished removing member ${change.member} from cluster ${cluster} (etcd had removed it).`
  ctx.note(sentence)
  return { kind: 'finished', sentence }
}

/** The added member with the --initial-cluster it must join with, taken from the member list. */
async function withJoin(
  runtime: ClusterRuntime,
  facts: ClusterFacts,
  member: MemberDefinition,
): Promise<MemberDefinition> {
  if (member.joined && runtime.def.members.some((m) => m.name === member.name)) return member
  const initialCluster = facts.listed
    .map((m) => `${m.name || member.name}=${m.peerUrls[0] ?? ''}`)
    .join(',')
  const joined: MemberDefinition = { ...member, joined: { initialCluster } }
  await runtime.saveDefinition({
    ...runtime.def,
    members: [...runtime.def.members.filter((m) => m.name !== member.name), joined],
  })
  return joined
}

/** Forgets a member etcd never added: from the definition, and its (empty) slot. */
async function dropUnlisted(runtime: ClusterRuntime, member: MemberDefinition): Promise<void> {
  if (runtime.slots.some((s) => s.spec.name === member.name)) await runtime.removeSlot(member.name)
  await runtime.saveDefinition({
    ...runtime.def,
    members: runtime.def.members.filter((m) => m.name !== member.name),
    pendingChange: null,
  })
}
