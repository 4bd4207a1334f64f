import type { MemberDefinition, PendingMemberChange } from '../../shared/cluster'
import { words, type EngineWords } from '../../shared/engine-words/engine-words'
import { english } from '../words/english'
import type { ClusterRuntime } from '../cluster/cluster-runtime'
import { peerUrlOf } from '../cluster/etcd-flags'
import type { ReportedContext } from '../cluster/reported-operation'
import { listedMember, readClusterFacts, type ClusterFacts } from './cluster-facts'
import { startAdded } from './add-member'
import { finishRemove } from './remove-member'

/**
 * What resuming an interrupted change did, in one sentence for the start-up report: in English,
 * and as words for the window to show in its language.
 */
export type ResumeOutcome = {
  kind: 'finished' | 'rolled-back'
  sentence: string
  sentenceWords: EngineWords
}

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
      const said = resumeWords('addNeverAdded', change.member.name, cluster)
      ctx.note(said)
      return outcome('rolled-back', said)
    }
    const member = await withJoin(runtime, facts, change.member)
    await startAdded(runtime, member, listed.id, ctx).catch((error: unknown) => {
      // startAdded rolled the member back already (and logged how); the sentence below says so.
      runtime.log.warn({ member: member.name, err: error }, 'finishing an interrupted add failed')
    })
    const isThere = runtime.def.members.some((m) => m.name === member.name)
    const said = resumeWords(isThere ? 'addFinished' : 'addRolledBack', member.name, cluster)
    return outcome(isThere ? 'finished' : 'rolled-back', said)
  }
  const member = runtime.def.members.find((m) => m.name === change.member)
  const stillListed = facts.listed.some((m) => m.id === change.memberId)
  if (stillListed && member) {
    await runtime.saveDefinition({ ...runtime.def, pendingChange: null })
    const said = resumeWords('removeRolledBack', change.member, cluster)
    ctx.note(said)
    return outcome('rolled-back', said)
  }
  await finishRemove(runtime, change.member, change.keepData, ctx)
  const said = resumeWords('removeFinished', change.member, cluster)
  ctx.note(said)
  return outcome('finished', said)
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

/** The sentence saying how an interrupted change of `member` ended. */
function resumeWords(
  how: 'addNeverAdded' | 'addFinished' | 'addRolledBack' | 'removeRolledBack' | 'removeFinished',
  member: string,
  cluster: string,
): EngineWords {
  return words(`engine-steps-cluster:note.resume.${how}`, { member, cluster })
}

function outcome(kind: ResumeOutcome['kind'], said: EngineWords): ResumeOutcome {
  return { kind, sentence: english(said), sentenceWords: said }
}
