import type { ClusterRuntime } from '../cluster/cluster-runtime'
import type { EngineLog } from '../log/engine-log'
import { withMemberClients } from '../maintenance/member-clients'

/** Why 2 s: one serializable read of one key on loopback takes milliseconds; a hung member is not an answer. */
const AUTH_CHECK_DEADLINE_MS = 2_000

/** etcd's answers to a request without credentials on a cluster with authentication on. */
const AUTH_REQUIRED =
  /user name is empty|invalid auth token|authentication is not enabled|permission denied/i

/**
 * Whether authentication is on, read the way every version answers alike (3.4 has no AuthStatus
 * RPC): a serializable read of one key without credentials is refused with "user name is empty"
 * when it is on. Null when no member answered either way (the caller treats that as on).
 */
export async function readAuthEnabled(
  runtime: ClusterRuntime,
  log: EngineLog,
): Promise<boolean | null> {
  try {
    return await withMemberClients(
      runtime,
      async (members) => {
        const member = members[0]!
        try {
          await member.client.kv.range({
            key: Buffer.from('etcd-desk/auth-check'),
            serializable: true,
            keys_only: true,
            limit: '1',
          })
          return false
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error)
          if (AUTH_REQUIRED.test(message)) return true
          log.warn(
            { err: error, member: member.name },
            'could not tell whether authentication is on',
          )
          return null
        }
      },
      // Without the user: the engine's own clients carry root's once it is known.
      { callDeadlineMs: AUTH_CHECK_DEADLINE_MS, security: { ...runtime.security, auth: null } },
    )
  } catch (error) {
    log.warn({ err: error }, 'could not tell whether authentication is on')
    return null
  }
}
