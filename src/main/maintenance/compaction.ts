import type { MaintenanceContext } from './maintenance-operation'
import { say } from './maintenance-words'
import { call, readMemberStatus, withMemberClients } from './member-clients'
import type { MaintenanceTarget } from './maintenance-target'

/**
 * Why 1 min: a physical compaction returns once the member has dropped the old revisions from its
 * backend, which takes well under a second per 100k revisions on a local disk.
 */
const COMPACT_DEADLINE_MS = 60_000

/**
 * Compacts the cluster's history to `revision`, or to the current revision (a member's status
 * header) when none is given; answers the revision. Compaction is replicated: one call does it
 * on every member (`etcdctl compact`), and reads below that revision then fail as compacted.
 */
export function compactCluster(
  runtime: MaintenanceTarget,
  revision: string | undefined,
  ctx: MaintenanceContext,
): Promise<string> {
  return withMemberClients(runtime, async ([member]) => {
    if (!member) throw new Error('no running member')
    const target = revision ?? (await readMemberStatus(member)).revision
    ctx.step(say('step.compacting', { revision: target }))
    await call(member, 'compact', () =>
      member.client.kv.compact(
        { revision: target, physical: true },
        { deadline: Date.now() + COMPACT_DEADLINE_MS },
      ),
    )
    ctx.note(say('note.compacted', { revision: target }))
    return target
  })
}
