import type http from 'node:http'
import { getText } from './health-check'

/** Body of etcd's `/version` answer: `{"etcdserver":"3.5.16","etcdcluster":"3.5.0"}` (3.6 adds "storage"). */
interface VersionBody {
  etcdserver?: unknown
  etcdcluster?: unknown
}

/** A member's own version and the version the cluster runs at, as `/version` says. */
export interface VersionAnswer {
  server: string | null
  /** "3.4.0"; "not_decided" (shown as null) until the cluster agreed on one after a start. */
  cluster: string | null
}

/** Reads `/version` of one member; rejects when it does not answer within `timeoutMs`. */
export async function fetchVersion(
  clientUrl: string,
  agent: http.Agent,
  timeoutMs: number,
): Promise<VersionAnswer> {
  const { statusCode, body } = await getText(clientUrl, '/version', agent, timeoutMs)
  if (statusCode !== 200) throw new Error(`/version answered HTTP ${statusCode}`)
  const parsed = JSON.parse(body) as VersionBody
  const text = (value: unknown) =>
    typeof value === 'string' && /^\d+\.\d+\.\d+/.test(value) ? value : null
  return { server: text(parsed.etcdserver), cluster: text(parsed.etcdcluster) }
}
