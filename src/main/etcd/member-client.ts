import { noop } from 'cockatiel'
import { Etcd3 } from 'etcd3'
import { etcd3Security, type ClientSecurity } from './client-security'

/** Upper bound of grpc-js's reconnect backoff (its default grows to 120 s). */
// Why: a member that was down must read as reachable within a second or two of its restart.
const MAX_RECONNECT_BACKOFF_MS = 1_000

/** How a one-member client behaves. */
export interface MemberClientOptions {
  /** TLS material and user of the member's cluster. */
  security: ClientSecurity
  /** Deadline of each unary call; default 5 s (a defragment or a snapshot stream needs none). */
  callDeadlineMs?: number | null
}

/**
 * An etcd3 client bound to one member only, without etcd3's retries and circuit breaker. Why:
 * etcd3 sends each call to a random host and retries elsewhere, while maintenance (status,
 * defragment, alarms, hashKV, move-leader, snapshot) and the write probe must reach the member
 * they name, and report its failure as it happened (ETCD-OPS-FACTS §5.2, §6.2).
 */
export function openMemberClient(clientUrl: string, options: MemberClientOptions): Etcd3 {
  const deadlineMs = options.callDeadlineMs === undefined ? 5_000 : options.callDeadlineMs
  return new Etcd3({
    hosts: [clientUrl],
    ...etcd3Security(options.security),
    faultHandling: { host: () => noop, global: noop },
    grpcOptions: { 'grpc.max_reconnect_backoff_ms': MAX_RECONNECT_BACKOFF_MS },
    ...(deadlineMs === null
      ? {}
      : {
          defaultCallOptions: (call) =>
            call.isStream ? {} : { deadline: Date.now() + deadlineMs },
        }),
  })
}
