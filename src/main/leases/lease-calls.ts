import type { Etcd3 } from 'etcd3'
import type { LeasePage, LeaseView } from '../../shared/leases'
import { EngineError } from '../errors/engine-error'
import { renewLeaseOnce } from '../etcd/lease-keep-alive'
import { copyBytes } from '../keys/key-bytes'
import { toEngineError } from '../keys/etcd-error-mapping'
import { CALL_DEADLINE_MS } from '../keys/key-limits'
import { isTooBigAnswer } from '../keys/too-big-answer'

/** The etcd client of a cluster and the endpoints its errors name. */
export interface LeaseClient {
  etcd: Etcd3
  endpoints: readonly string[]
}

/** etcd's answer to a revoke or keep-alive of a lease it does not know. */
const NOT_FOUND_MESSAGE = 'requested lease not found'

/** A lease ID as etcdctl prints it (hex), for messages. */
export function leaseHex(id: string): string {
  try {
    return BigInt(id).toString(16)
  } catch {
    return id
  }
}

/** LEASE_NOT_FOUND naming the lease in hex. */
export function leaseNotFound(id: string): EngineError<'LEASE_NOT_FOUND'> {
  return new EngineError(
    'LEASE_NOT_FOUND',
    `Lease ${leaseHex(id)} does not exist: it expired or was revoked.`,
    { lease: id },
  )
}

/** True when etcd refused a call because it does not know the lease. */
export function isLeaseNotFound(error: unknown): boolean {
  return error instanceof Error && error.message.includes(NOT_FOUND_MESSAGE)
}

/** Runs one lease call, naming the lease in its error. */
async function call<T>(
  client: LeaseClient,
  operation: string,
  id: string | null,
  run: () => Promise<T>,
) {
  try {
    return await run()
  } catch (error) {
    if (id !== null && isLeaseNotFound(error)) throw leaseNotFound(id)
    throw toEngineError(error, { endpoints: client.endpoints, operation })
  }
}

/**
 * One lease with its TTL left, granted TTL and its first `keyLimit` attached keys (with the count
 * of all). etcd's LeaseTimeToLive has no paging: with keys it answers every attached key at once
 * (bounded by the client's receive limit), so only the first keyLimit are copied and kept.
 */
export async function readLease(
  client: LeaseClient,
  id: string,
  keyLimit: number,
): Promise<LeaseView> {
  const ask = (keys: boolean) =>
    call(client, 'lease time-to-live', id, () =>
      client.etcd.leaseClient.leaseTimeToLive({ ID: id, keys }),
    )
  // A lease holding more keys than one answer may carry is read again without them.
  let hasKeys = true
  const response = await ask(true).catch((error: unknown) => {
    if (!isTooBigAnswer(error)) throw error
    hasKeys = false
    return ask(false)
  })
  // etcd answers TTL -1 for a lease it does not hold (expired or revoked), not an error.
  if (Number(response.TTL) < 0) throw leaseNotFound(id)
  const keys = response.keys ?? []
  return {
    id,
    ttl: Number(response.TTL),
    grantedTtl: Number(response.grantedTTL),
    keyCount: hasKeys ? keys.length : null,
    keys: keys.slice(0, keyLimit).map((key) => copyBytes(key)),
  }
}

/**
 * One page of the cluster's leases, sorted by ID, each read with its first `keyLimit` keys.
 * LeaseLeases answers every ID at once (8 bytes each: 10^5 leases are under 1 MiB); only the
 * page's leases are then read one by one. A lease that expires meanwhile is left out.
 */
export async function listLeases(
  client: LeaseClient,
  request: { after?: string; limit: number; keyLimit: number },
): Promise<LeasePage> {
  const response = await call(client, 'lease list', null, () =>
    client.etcd.leaseClient.leaseLeases(),
  )
  const ids = response.leases.map((l) => BigInt(l.ID)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  const after = request.after === undefined ? -1n : BigInt(request.after)
  const start = ids.findIndex((id) => id > after)
  const page = start < 0 ? [] : ids.slice(start, start + request.limit)
  const leases: LeaseView[] = []
  for (const id of page) {
    try {
      leases.push(await readLease(client, id.toString(), request.keyLimit))
    } catch (error) {
      if (!(error instanceof EngineError && error.is('LEASE_NOT_FOUND'))) throw error
    }
  }
  const last = page[page.length - 1]
  const hasMore = start >= 0 && start + request.limit < ids.length
  return { leases, total: ids.length, nextAfter: hasMore && last ? last.toString() : null }
}

/** The TTL a lease has left, without its keys; null when it expired or was revoked. */
export async function leaseTtl(client: LeaseClient, id: string): Promise<number | null> {
  const response = await call(client, 'lease time-to-live', id, () =>
    client.etcd.leaseClient.leaseTimeToLive({ ID: id, keys: false }),
  )
  const ttl = Number(response.TTL)
  return ttl > 0 ? ttl : null
}

/** Grants a lease and answers its ID alone. */
export async function grantLeaseId(client: LeaseClient, ttl: number): Promise<string> {
  const response = await call(client, 'lease grant', null, () =>
    client.etcd.leaseClient.leaseGrant({ TTL: ttl, ID: 0 }),
  )
  if (response.error) {
    throw toEngineError(new Error(response.error), {
      endpoints: client.endpoints,
      operation: 'lease grant',
    })
  }
  return response.ID
}

/** Grants a lease; etcd may raise a very short TTL to its minimum (about 2 s by default). */
export async function grantLease(client: LeaseClient, ttl: number): Promise<LeaseView> {
  return readLease(client, await grantLeaseId(client, ttl), 0)
}

/** Revokes a lease: etcd deletes every key attached to it. */
export async function revokeLease(client: LeaseClient, id: string): Promise<void> {
  await call(client, 'lease revoke', id, () => client.etcd.leaseClient.leaseRevoke({ ID: id }))
}

/**
 * Renews a lease once (one LeaseKeepAlive on a stream that is closed right after), like
 * `etcdctl lease keep-alive --once`; answers the TTL etcd renewed it to.
 */
export async function keepAliveOnce(client: LeaseClient, id: string): Promise<number> {
  const ttl = await call(client, 'lease keep-alive', id, () =>
    renewLeaseOnce(client.etcd, id, CALL_DEADLINE_MS),
  )
  // etcd answers TTL 0 for a lease it does not hold.
  if (ttl <= 0) throw leaseNotFound(id)
  return ttl
}
