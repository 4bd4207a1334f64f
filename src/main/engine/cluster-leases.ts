import { encodeText } from '../../shared/bytes'
import {
  DEFAULT_LEASE_PAGE,
  LEASE_DETAIL_KEYS,
  LEASE_LIST_KEYS,
  leaseTtlProblem,
  type LeasePage,
  type LeaseView,
} from '../../shared/leases'
import { EngineError } from '../errors/engine-error'
import { english } from '../words/english'
import { toEngineError } from '../keys/etcd-error-mapping'
import { toBuffer } from '../keys/key-bytes'
import { checkKey } from '../keys/key-validation'
import type { KeyService } from '../keys/key-service'
import {
  grantLease,
  isLeaseNotFound,
  keepAliveOnce,
  leaseHex,
  leaseNotFound,
  listLeases,
  readLease,
  revokeLease,
  type LeaseClient,
} from '../leases/lease-calls'
import type { ClusterKeys } from './cluster-keys'

/** The lease client of a cluster's key service. */
function clientOf(service: KeyService): LeaseClient {
  return { etcd: service.etcd, endpoints: service.endpointList }
}

/** What a permission error names for a lease call (etcd checks the attached keys' permissions). */
function leaseLabel(id: string | null): Uint8Array {
  return encodeText(id === null ? 'a new lease' : `lease ${leaseHex(id)}`)
}

/**
 * The Leases tab's side of the engine: list, open, grant, revoke, keep alive once and put a key
 * with a lease. Every call runs through ClusterKeys.use (the cluster's client and "browse as"
 * user); everything that changes the cluster with permission 'write'.
 */
export class ClusterLeases {
  constructor(private readonly keys: ClusterKeys) {}

  /** One page of leases, sorted by ID, each with its first few keys. */
  list(cluster: string, request: { after?: string; limit?: number }): Promise<LeasePage> {
    const limit = request.limit ?? DEFAULT_LEASE_PAGE
    return this.keys.use(cluster, 'read', leaseLabel(null), (s) =>
      listLeases(clientOf(s), { after: request.after, limit, keyLimit: LEASE_LIST_KEYS }),
    )
  }

  /** One lease with up to `keyLimit` of its keys. */
  get(cluster: string, id: string, keyLimit = LEASE_DETAIL_KEYS): Promise<LeaseView> {
    return this.keys.use(cluster, 'read', leaseLabel(id), (s) =>
      readLease(clientOf(s), id, keyLimit),
    )
  }

  /** Grants a lease of `ttl` seconds; a TTL etcd cannot take is refused naming it. */
  grant(cluster: string, ttl: number): Promise<LeaseView> {
    const problem = leaseTtlProblem(ttl)
    if (problem) {
      throw new EngineError('INVALID_REQUEST', english(problem), { field: 'ttl', value: ttl })
    }
    return this.keys.use(cluster, 'write', leaseLabel(null), (s) => grantLease(clientOf(s), ttl))
  }

  /** Revokes a lease; etcd deletes its keys. Answers how many keys it held just before. */
  revoke(cluster: string, id: string): Promise<{ deletedKeys: number | null }> {
    return this.keys.use(cluster, 'write', leaseLabel(id), async (s) => {
      const before = await readLease(clientOf(s), id, 0)
      await revokeLease(clientOf(s), id)
      return { deletedKeys: before.keyCount }
    })
  }

  /** Renews a lease once and answers it as it is now. */
  keepAlive(cluster: string, id: string): Promise<LeaseView> {
    return this.keys.use(cluster, 'write', leaseLabel(id), async (s) => {
      await keepAliveOnce(clientOf(s), id)
      return readLease(clientOf(s), id, LEASE_DETAIL_KEYS)
    })
  }

  /** Puts a key attached to a lease (etcdctl put --lease). */
  attach(
    cluster: string,
    id: string,
    key: Uint8Array,
    value: Uint8Array,
  ): Promise<{ revision: string }> {
    checkKey(key)
    return this.keys.use(cluster, 'write', key, async (s) => {
      try {
        const response = await s.etcd.kv.put({
          key: toBuffer(key),
          value: toBuffer(value),
          lease: id,
        })
        return { revision: response.header.revision }
      } catch (error) {
        if (isLeaseNotFound(error)) throw leaseNotFound(id)
        throw toEngineError(error, {
          endpoints: s.endpointList,
          operation: 'put',
          key,
          isWrite: true,
        })
      }
    })
  }
}
