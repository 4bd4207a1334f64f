import type { ClusterRuntime } from '../cluster/cluster-runtime'
import { peerUrlOf } from '../cluster/etcd-flags'
import type { ReportedContext } from '../cluster/reported-operation'
import { words } from '../../shared/engine-words/engine-words'
import { EngineError } from '../errors/engine-error'
import { listedMember, readClusterFacts } from './cluster-facts'
import { toDecimalId } from './member-ids'
import { callMembership, PROMOTE_WAIT_MS } from './membership-call'
import { allEndpoints, etcdctlTwin } from './etcdctl-twin'
import { withVoterClient } from './voter-client'

/**
 * Promotes a learner to a voter, waiting while etcd answers that it has not caught up with the
 * leader yet (the leader accepts once the learner holds 90 % of its log).
 */
export async function promoteMember(
  runtime: ClusterRuntime,
  name: string,
  ctx: ReportedContext,
): Promise<void> {
  const cluster = runtime.def.name
  const slot = runtime.members.slot(name)
  runtime.lifecycle.assertLive(slot)
  const facts = await readClusterFacts(runtime)
  const listed = listedMember(facts, name, peerUrlOf(runtime.def, slot.spec))
  if (!listed?.isLearner) {
    throw new EngineError(
      'NOT_A_LEARNER',
      `Member ${name} of cluster ${cluster} is not a learner.`,
      {
        cluster,
        member: name,
      },
    )
  }
  ctx.step(words('engine-steps-cluster:step.memberPromote', { id: listed.id }))
  ctx.twin(await etcdctlTwin(runtime, allEndpoints(runtime), ['member', 'promote', listed.id]))
  const { waitedMs } = await withVoterClient(
    runtime,
    facts,
    (client) =>
      callMembership(
        ctx,
        cluster,
        name,
        PROMOTE_WAIT_MS,
        () => client.cluster.memberPromote({ ID: toDecimalId(listed.id) }),
        ['learnerNotInSync'],
      ),
    name,
  )
  await runtime.saveDefinition({
    ...runtime.def,
    members: runtime.def.members.map((m) => (m.name === name ? { ...m, isLearner: false } : m)),
  })
  const seconds = (waitedMs / 1000).toFixed(1)
  const promoted = waitedMs >= 100 ? 'promotedAfterCatchUp' : 'promoted'
  ctx.note(words(`engine-steps-cluster:note.${promoted}`, { member: name, seconds }))
  // The status shown next reads it as a voter.
  await runtime.lifecycle.pollQuietly()
}
