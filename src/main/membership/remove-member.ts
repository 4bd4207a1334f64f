import { dirname } from 'node:path'
import { tlsFilesOf } from '../tls/tls-files'
import { rm } from 'node:fs/promises'
import { quorumChange } from '../../shared/quorum'
import type { ClusterRuntime } from '../cluster/cluster-runtime'
import { peerUrlOf } from '../cluster/etcd-flags'
import { isLive } from '../cluster/member-lifecycle'
import type { ReportedContext } from '../cluster/reported-operation'
import { words } from '../../shared/engine-words/engine-words'
import { EngineError } from '../errors/engine-error'
import { memberFolder } from '../store/data-layout'
import { healthyVoters, listedMember, readClusterFacts, type ClusterFacts } from './cluster-facts'
import { moveLeadership } from './make-leader'
import { toDecimalId } from './member-ids'
import { callMembership, UNHEALTHY_WAIT_MS } from './membership-call'
import { allEndpoints, etcdctlTwin } from './etcdctl-twin'
import { withVoterClient } from './voter-client'

/**
 * Removes a member, step by step, each saved in the cluster definition: refused when it would
 * lose quorum; the leader hands over leadership first; then member remove, its process stopped,
 * its data deleted (or kept, in a folder a later member of that name never reuses).
 */
export async function removeMember(
  runtime: ClusterRuntime,
  name: string,
  keepData: boolean,
  ctx: ReportedContext,
): Promise<void> {
  const cluster = runtime.def.name
  const slot = runtime.members.slot(name)
  const member = slot.spec
  let facts = await readClusterFacts(runtime)
  const listed = listedMember(facts, name, peerUrlOf(runtime.def, member))
  if (listed) {
    assertQuorumKept(facts, cluster, name, !listed.isLearner)
    if (facts.leader === name) {
      await moveLeadership(runtime, facts, pickSuccessor(facts, name), ctx)
      facts = await readClusterFacts(runtime)
    }
    await runtime.saveDefinition({
      ...runtime.def,
      pendingChange: {
        kind: 'remove',
        member: name,
        memberId: listed.id,
        keepData,
        step: 'requested',
      },
    })
    // Its etcd exits by itself once removed: that exit is expected, not a crash to restart.
    slot.process.expectExit('removed')
    ctx.step(words('engine-steps-cluster:step.memberRemove', { id: listed.id }))
    ctx.twin(await etcdctlTwin(runtime, allEndpoints(runtime), ['member', 'remove', listed.id]))
    try {
      await withVoterClient(
        runtime,
        facts,
        (client) =>
          callMembership(ctx, cluster, name, UNHEALTHY_WAIT_MS, () =>
            client.cluster.memberRemove({ ID: toDecimalId(listed.id) }),
          ),
        name,
      )
    } catch (error) {
      slot.process.clearExpectedExit()
      await runtime.saveDefinition({ ...runtime.def, pendingChange: null })
      throw error
    }
    ctx.note(words('engine-steps-cluster:note.removedFromList', { member: name, id: listed.id }))
    await runtime.saveDefinition({
      ...runtime.def,
      pendingChange: {
        kind: 'remove',
        member: name,
        memberId: listed.id,
        keepData,
        step: 'removed',
      },
    })
  } else {
    ctx.note(words('engine-steps-cluster:note.neverJoined', { member: name }))
  }
  await finishRemove(runtime, name, keepData, ctx)
}

/** After etcd removed a member: its process stopped, its slot and (unless kept) data gone. */
export async function finishRemove(
  runtime: ClusterRuntime,
  name: string,
  keepData: boolean,
  ctx: ReportedContext,
): Promise<void> {
  const member = runtime.def.members.find((m) => m.name === name)
  const slot = runtime.slots.find((s) => s.spec.name === name)
  if (slot && isLive(slot.process.state)) {
    ctx.step(words('engine-steps-cluster:step.stoppingMember', { member: name }))
    await slot.stop('removed')
    await runtime.saveRunRecord()
  }
  if (slot) await runtime.removeSlot(name)
  await runtime.proxies?.remove(name)
  if (member) {
    const dir = runtime.layout.memberDir(runtime.def.name, memberFolder(member))
    if (keepData) ctx.note(words('engine-steps-cluster:note.keptData', { member: name, dir }))
    else {
      await rm(dir, { recursive: true, force: true })
      if (runtime.def.tls) {
        // Its certificates go with its data: a new member of that name gets new ones.
        const certs = dirname(
          tlsFilesOf(runtime.layout, runtime.def.name).member(memberFolder(member)).serverCert,
        )
        await rm(certs, { recursive: true, force: true })
      }
      ctx.note(words('engine-steps-cluster:note.deletedData', { member: name, dir }))
    }
  }
  await runtime.saveDefinition({
    ...runtime.def,
    members: runtime.def.members.filter((m) => m.name !== name),
    pendingChange: null,
  })
}

/** Refuses a remove that would leave fewer voters up than the new quorum. */
function assertQuorumKept(facts: ClusterFacts, cluster: string, name: string, isVoter: boolean) {
  const voters = facts.listed.filter((m) => !m.isLearner).length
  const upVoters = healthyVoters(facts)
  const upAfter = upVoters.length - (isVoter && upVoters.includes(name) ? 1 : 0)
  const change = quorumChange(voters, voters - (isVoter ? 1 : 0), upAfter)
  if (change.after.voters > 0 && !change.losesQuorum) return
  throw new EngineError(
    'QUORUM_LOST',
    change.after.voters === 0
      ? `Member ${name} is the last voter of cluster ${cluster}; delete the cluster instead.`
      : `Removing ${name} would lose quorum in cluster ${cluster} (${change.summary}, ${upAfter} up). Start the stopped members first.`,
    { cluster, member: name, summary: change.summary },
  )
}

/** The healthy voter that takes over leadership from `name`. */
function pickSuccessor(facts: ClusterFacts, name: string): string {
  const successor = healthyVoters(facts).find((m) => m !== name)
  if (successor) return successor
  throw new EngineError('NO_LEADER', `No healthy voter can take over leadership from ${name}.`, {
    cluster: facts.status.cluster,
  })
}
