import { Etcd3 } from 'etcd3'
import type { ClusterRuntime } from '../cluster/cluster-runtime'
import { etcd3Security, type ClientSecurity } from '../etcd/client-security'
import { EngineError } from '../errors/engine-error'

/** Why 5 s: an auth call is one raft write or a local read; loopback answers in milliseconds. */
const AUTH_CALL_DEADLINE_MS = 5_000

/** A user and password an auth client presents, or null for none. */
export type Credentials = ClientSecurity['auth']

/**
 * Opens a client on the cluster's running members presenting `credentials` (over its TLS when it
 * has TLS), runs `work`, then closes it. Refused with CLUSTER_NOT_RUNNING when no member runs.
 */
export async function withAuthClient<T>(
  runtime: ClusterRuntime,
  credentials: Credentials,
  work: (client: Etcd3, endpoints: string[]) => Promise<T>,
): Promise<T> {
  const cluster = runtime.def.name
  const endpoints = runtime
    .view()
    .members.filter((m) => m.state === 'running')
    .map((m) => m.clientUrl)
  if (endpoints.length === 0) {
    throw new EngineError(
      'CLUSTER_NOT_RUNNING',
      `Cluster ${cluster} is not running; start it first.`,
      {
        cluster,
      },
    )
  }
  const client = new Etcd3({
    hosts: endpoints,
    ...etcd3Security({ tls: runtime.security.tls, auth: credentials }),
    defaultCallOptions: (call) =>
      call.isStream ? {} : { deadline: Date.now() + AUTH_CALL_DEADLINE_MS },
  })
  try {
    return await work(client, endpoints)
  } finally {
    client.close()
  }
}
