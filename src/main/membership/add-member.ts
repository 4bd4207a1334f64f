import { access, rm } from 'node:fs/promises'
import type { MemberDefinition, PendingMemberChange } from '../../shared/cluster'
import type { ClusterRuntime } from '../cluster/cluster-runtime'
import { isLive } from '../cluster/member-lifecycle'
import type { ReportedContext } from '../cluster/reported-operation'
import { peerUrlOf } from '../cluster/etcd-flags'
import { issueMemberCertificates } from '../tls/cluster-certificates'
import { words, type EngineWords } from '../../shared/engine-words/engine-words'
import { EngineError } from '../errors/engine-error'
import { assertPortsFree } from '../ports/port-check'
import { memberFolder } from '../store/data-layout'
import { readClusterFacts } from './cluster-facts'
import { toHexId } from './member-ids'
import { callMembership, UNHEALTHY_WAIT_MS } from './membership-call'
import { allEndpoints, etcdctlTwin } from './etcdctl-twin'
import { withVoterClient } from './voter-client'

/** A member to add, as the user asked for it. */
export interface AddMemberRequest {
  name: string
  clientPort: number
  peerPort: number
  proxyPort?: number
  asLearner: boolean
}

/**
 * Adds a member to a running cluster, step by step, each step saved in the cluster definition:
 * member add (waiting out etcd's "unhealthy cluster" after a restart), then the new member started
 * with --initial-cluster-state existing and the --initial-cluster etcd answered. A member that
 * then fails to start is removed again, so the cluster is left as it was.
 */
export async function addMember(
  runtime: ClusterRuntime,
  request: AddMemberRequest,
  ctx: ReportedContext,
): Promise<void> {
  const { name, asLearner } = request
  const member: MemberDefinition = {
    name,
    clientPort: request.clientPort,
    peerPort: request.peerPort,
    ...(request.proxyPort === undefined ? {} : { proxyPort: request.proxyPort }),
    ...(await freshFolder(runtime, name)),
    ...(asLearner ? { isLearner: true } : {}),
  }
  ctx.step(words('engine-steps-cluster:step.checkingPortsOf', { member: name }))
  await assertPortsFree(runtime.def, [member])
  if (runtime.def.tls) {
    // Its own server and peer certificates from the cluster's CA, before etcd hears of it.
    ctx.step(words('engine-steps-cluster:step.issuingCertificates', { member: name }))
    await issueMemberCertificates(runtime.layout, runtime.def, member)
  }
  const facts = await readClusterFacts(runtime)
  const pending: PendingMemberChange = {
    kind: 'add',
    member,
    asLearner,
    step: 'requested',
    memberId: null,
  }
  await runtime.saveDefinition({ ...runtime.def, pendingChange: pending })
  const peerUrl = peerUrlOf(runtime.def, member)
  const flag = asLearner ? 'Learner' : ''
  ctx.step(words(`engine-steps-cluster:step.memberAdd${flag}`, { member: name }))
  const addArgs = ['member', 'add', name, `--peer-urls=${peerUrl}`]
  ctx.twin(
    await etcdctlTwin(runtime, allEndpoints(runtime), [
      ...addArgs,
      ...(asLearner ? ['--learner'] : []),
    ]),
  )
  const { value: added, waitedMs } = await withVoterClient(runtime, facts, (client) =>
    callMembership(ctx, runtime.def.name, name, UNHEALTHY_WAIT_MS, () =>
      client.cluster.memberAdd({ peerURLs: [peerUrl], isLearner: asLearner }),
    ),
  ).catch(async (error: unknown) => {
    await runtime.saveDefinition({ ...runtime.def, pendingChange: null })
    throw error
  })
  const memberId = toHexId(added.member.ID)
  const initialCluster = added.members
    .map(
      (m) =>
        `${m.ID === added.member.ID ? name : m.name || nameByUrl(runtime, m.peerURLs)}=${m.peerURLs[0]}`,
    )
    .join(',')
  const joined: MemberDefinition = { ...member, joined: { initialCluster } }
  await runtime.saveDefinition({
    ...runtime.def,
    members: [...runtime.def.members, joined],
    pendingChange: { ...pending, member: joined, step: 'added', memberId },
  })
  ctx.note(addedNote(name, memberId, asLearner, waitedMs))
  await startAdded(runtime, joined, memberId, ctx)
}

/** Starts a member etcd has added; when it cannot start, removes it again (rolls back). */
export async function startAdded(
  runtime: ClusterRuntime,
  member: MemberDefinition,
  memberId: string,
  ctx: ReportedContext,
): Promise<void> {
  const slot =
    runtime.slots.find((s) => s.spec.name === member.name) ?? (await runtime.addSlot(member))
  if (isLive(slot.process.state)) {
    // Started already (by an engine that then stopped before it could say so).
    await runtime.saveDefinition({ ...runtime.def, pendingChange: null })
    ctx.note(words('engine-steps-cluster:note.runsAlready', { member: member.name }))
    return
  }
  // Network faults: its peer proxy listens before it starts, so the others can reach it.
  await runtime.proxies?.add(member, memberId)
  const line = (await runtime.commands()).members.find((c) => c.member === member.name)?.etcd
  if (line) ctx.twin(line)
  try {
    ctx.step(words('engine-steps-cluster:step.startingExisting', { member: member.name }))
    await runtime.lifecycle.launch(slot, ctx)
  } catch (error) {
    // The error's message is the engine's (or etcd's) English: it goes in as a value.
    const message = error instanceof Error ? error.message : String(error)
    ctx.note(
      words('engine-steps-cluster:note.didNotStart', { member: member.name, error: message }),
    )
    await rollBackAdd(runtime, member, memberId, ctx)
    throw error
  }
  await runtime.saveDefinition({ ...runtime.def, pendingChange: null })
  const role = member.isLearner ? 'Learner' : 'Voter'
  ctx.note(words(`engine-steps-cluster:note.started${role}`, { member: member.name }))
}

/** Undoes an add etcd accepted: member remove, its slot, folder and definition entry go. */
async function rollBackAdd(
  runtime: ClusterRuntime,
  member: MemberDefinition,
  memberId: string,
  ctx: ReportedContext,
): Promise<void> {
  ctx.step(words('engine-steps-cluster:step.removingAgain', { member: member.name }))
  const facts = await readClusterFacts(runtime)
  await withVoterClient(
    runtime,
    facts,
    (client) =>
      callMembership(ctx, runtime.def.name, member.name, UNHEALTHY_WAIT_MS, () =>
        client.cluster.memberRemove({ ID: BigInt(`0x${memberId}`).toString(10) }),
      ),
    member.name,
  )
  if (runtime.slots.some((s) => s.spec.name === member.name)) await runtime.removeSlot(member.name)
  await runtime.proxies?.remove(member.name)
  await rm(runtime.layout.memberDir(runtime.def.name, memberFolder(member)), {
    recursive: true,
    force: true,
  })
  await runtime.saveDefinition({
    ...runtime.def,
    members: runtime.def.members.filter((m) => m.name !== member.name),
    pendingChange: null,
  })
  ctx.note(words('engine-steps-cluster:note.rolledBackAdd', { member: member.name }))
}

/** The folder a new member gets: its name, or name-2, name-3 … when an old one's data was kept. */
async function freshFolder(runtime: ClusterRuntime, name: string): Promise<{ folder?: string }> {
  const layout = runtime.layout
  const exists = (folder: string) =>
    access(layout.memberDir(runtime.def.name, folder)).then(
      () => true,
      () => false,
    )
  if (!(await exists(name))) return {}
  for (let n = 2; ; n++) if (!(await exists(`${name}-${n}`))) return { folder: `${name}-${n}` }
}

/** The name of a member of this cluster with one of `urls` as its peer URL. */
function nameByUrl(runtime: ClusterRuntime, urls: string[]): string {
  const member = runtime.def.members.find((m) => urls.includes(peerUrlOf(runtime.def, m)))
  if (member) return member.name
  throw new EngineError(
    'CLUSTER_UNHEALTHY',
    `etcd lists an unstarted member at ${urls.join(', ')} that is not part of cluster ${runtime.def.name}; remove it with etcdctl member remove first.`,
    { cluster: runtime.def.name, waitedMs: 0, reason: 'unknown unstarted member' },
  )
}

/** The note that etcd added the member, with how long it waited for etcd to accept (≥ 0.1 s). */
function addedNote(member: string, id: string, asLearner: boolean, waitedMs: number): EngineWords {
  const kind = asLearner ? 'Learner' : 'Voter'
  const wait = waitedMs >= 100 ? 'AfterWait' : ''
  const seconds = (waitedMs / 1000).toFixed(1)
  return words(`engine-steps-cluster:note.added${kind}${wait}`, { member, id, seconds })
}
