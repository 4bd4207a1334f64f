import type { Etcd3, ICallable, IHashKVResponse } from 'etcd3'
import type { HashKvReport, MemberHash } from '../../shared/maintenance'
import { call, withMemberClients, type MemberHandle } from './member-clients'
import type { MaintenanceTarget } from './maintenance-target'

/**
 * Why 30 s: HashKV reads the member's whole keyspace up to the revision (about a second per
 * million keys); a member that has not answered by then is reported, not waited for.
 */
const HASHKV_DEADLINE_MS = 30_000

/** One member's answer, with the revision it hashed at. */
type Answer = MemberHash & { revision: string | null }

/**
 * Checks that every member holds the same keyspace: HashKV of every member at one revision.
 * First at each member's current revision (revision 0, like `etcdctl endpoint hashkv`): when
 * all are at the same revision, that is the answer. Otherwise (writes in flight) again at the
 * lowest of them, which every member has applied. Why not that revision straight away: etcd
 * refuses a HashKV at exactly the compacted revision, which is the current one after a compact.
 * Members that are not running or do not answer are listed with why; the cluster is then not
 * called consistent.
 */
export function checkConsistency(runtime: MaintenanceTarget): Promise<HashKvReport> {
  return withMemberClients(runtime, async (members) => {
    let answers = await hashAll(runtime, members, '0')
    const revisions = answers.flatMap((a) => (a.revision ? [BigInt(a.revision)] : []))
    let revision = revisions[0]?.toString() ?? '0'
    if (new Set(revisions).size > 1) {
      revision = revisions.reduce((a, b) => (b < a ? b : a)).toString()
      answers = await hashAll(runtime, members, revision)
    }
    const hashes = answers.map(({ revision: _, ...hash }) => hash)
    const answered = hashes.filter((h) => h.hash !== null)
    const isConsistent =
      answered.length === hashes.length && new Set(answered.map((h) => h.hash)).size === 1
    return { revision, members: hashes, isConsistent }
  })
}

/** Every member's hash at `revision` ('0': its current one), in definition order. */
function hashAll(
  runtime: MaintenanceTarget,
  members: readonly MemberHandle[],
  revision: string,
): Promise<Answer[]> {
  return Promise.all(
    runtime.def.members.map(async ({ name }): Promise<Answer> => {
      const none = { member: name, hash: null, compactRevision: null, revision: null }
      const member = members.find((h) => h.name === name)
      if (!member) return { ...none, error: 'not running' }
      try {
        const answer = await call(member, 'hashkv', () => hashKv(member.client, revision))
        return {
          member: name,
          hash: answer.hash,
          compactRevision: answer.compact_revision,
          revision: revision === '0' ? answer.header.revision : revision,
          error: null,
        }
      } catch (error) {
        return { ...none, error: (error as Error).message }
      }
    }),
  )
}

/**
 * Maintenance.HashKV of one member. Why not etcd3's `maintenance.hashKV()`: etcd3 1.1.2 calls the
 * gRPC method `hashKV`, but proto-loader names it `hashKv` (lodash camelCase of "HashKV"), so
 * every call fails with "client[method] is not a function". The same RPC is sent by its proto
 * name through the client's own connection (no retries: it is a one-member client).
 */
function hashKv(client: Etcd3, revision: string): Promise<IHashKVResponse> {
  const rpc = (client.maintenance as unknown as { client: ICallable<unknown> }).client
  return rpc.exec<IHashKVResponse>(
    'Maintenance',
    'HashKV',
    { revision },
    { deadline: Date.now() + HASHKV_DEADLINE_MS },
  )
}
