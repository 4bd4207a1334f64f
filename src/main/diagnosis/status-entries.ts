import type { ListedMember, MemberState, MemberStatus, MemberView } from '../../shared/cluster'
import { listAlarms } from '../maintenance/alarms'
import { MemberStatusReader } from '../status/member-status-reader'
import { jsonText, messageOf, type BundleEntry, type CollectContext } from './bundle-entry'
import { statusTable } from './status-table'

/** One member as the bundle shows it: what etcd Desk runs, and what the member itself answered. */
export interface MemberDiagnosis {
  member: string
  state: MemberState
  pid: number | null
  clientUrl: string
  peerUrl: string
  etcdVersion: string
  restarts: number
  lastExit: MemberView['lastExit']
  /** The member's own status and health; null when it was not asked (not running). */
  status: MemberStatus | null
  /** Why there is no status, when there is none. */
  note: string | null
}

/** The member list, every member's status and the alarms, with what was collected. */
export interface StatusCollection {
  entries: BundleEntry[]
  members: MemberDiagnosis[]
  /** `/version`'s cluster version, from the first member that answered. */
  clusterVersion: string | null
}

/**
 * Reads each running member's status and health through the engine's status reader (a client of
 * its own, closed after), etcd's member list and cluster version from the first that answers, and
 * the alarms. A member that is not running is reported with its state and never contacted.
 */
export async function statusEntries(ctx: CollectContext): Promise<StatusCollection> {
  const { runtime } = ctx
  ctx.step('status')
  const views = runtime.view().members
  const readers = views
    .filter((m) => m.state === 'running')
    .map((m) => new MemberStatusReader({ name: m.name, clientUrl: m.clientUrl }, runtime.security))
  try {
    const statuses = await Promise.all(readers.map((r) => r.read()))
    const members = views.map((view) => toDiagnosis(view, statuses))
    const answering = readers.filter((_, i) => statuses[i]?.unreachable === null)
    const memberList = await firstAnswer(ctx, 'member list', answering, (r) => r.listMembers())
    const clusterVersion = await firstAnswer(ctx, 'cluster version', answering, (r) =>
      r.clusterVersion(),
    )
    const entries = [
      memberListEntry(memberList),
      {
        path: 'status.json',
        text: jsonText({ at: new Date().toISOString(), clusterVersion, members }),
        about: "Every member's state, and the running members' own status and health.",
      },
      {
        path: 'status.txt',
        text: statusTable(members),
        about: 'The same status as a table, like `etcdctl endpoint status -w table`.',
      },
      await alarmsEntry(ctx),
    ]
    return { entries, members, clusterVersion }
  } finally {
    for (const reader of readers) reader.close()
  }
}

function toDiagnosis(view: MemberView, statuses: readonly MemberStatus[]): MemberDiagnosis {
  const status = statuses.find((s) => s.member === view.name) ?? null
  const note =
    view.state !== 'running'
      ? `the member is ${view.state}`
      : status?.unreachable
        ? `it did not answer: ${status.unreachable}`
        : null
  return {
    member: view.name,
    state: view.state,
    pid: view.pid,
    clientUrl: view.clientUrl,
    peerUrl: view.peerUrl,
    etcdVersion: view.etcdVersion,
    restarts: view.restarts,
    lastExit: view.lastExit,
    status,
    note,
  }
}

/** The first answer of `ask` among the readers; null (with a note) when none answers. */
async function firstAnswer<T>(
  ctx: CollectContext,
  what: string,
  readers: readonly MemberStatusReader[],
  ask: (reader: MemberStatusReader) => Promise<T>,
): Promise<T | null> {
  for (const reader of readers) {
    try {
      return await ask(reader)
    } catch (error) {
      // Not fatal: the next member may answer.
      ctx.runtime.log.warn({ err: error, member: reader.endpoint.name }, `diagnosis: ${what}`)
    }
  }
  ctx.note(`${what}: no running member answered`)
  return null
}

function memberListEntry(list: ListedMember[] | null): BundleEntry {
  return {
    path: 'member-list.json',
    text: jsonText(list === null ? { members: null, note: 'no running member answered' } : list),
    about: "etcd's own member list (ids in hex, as etcdctl prints them), from a running member.",
  }
}

async function alarmsEntry(ctx: CollectContext): Promise<BundleEntry> {
  ctx.step('alarms')
  const about = 'Active alarms (NOSPACE, CORRUPT), asked of every running member.'
  try {
    const alarms = await listAlarms(ctx.runtime)
    return { path: 'alarms.json', text: jsonText(alarms), about }
  } catch (error) {
    ctx.runtime.log.warn({ err: error }, 'diagnosis: listing the alarms failed')
    ctx.note(`alarms: not read (${messageOf(error)})`)
    return { path: 'alarms.json', text: jsonText({ alarms: null, error: messageOf(error) }), about }
  }
}
