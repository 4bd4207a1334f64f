import type { DiscoverySetting } from '../../shared/discovery'
import { registryKeyOf, sizeKeyOf, v2DiscoveryUrlOf, v3MembersKeyOf } from '../../shared/discovery'
import type { RegistryEntry } from '../../shared/contract'
import { EngineError } from '../errors/engine-error'

/**
 * Why 3 s: the discovery etcd is a single local member that answers in milliseconds; a call that
 * takes longer means it is not there (or something else holds its port), and a create or start
 * must say so instead of hanging.
 */
const REGISTRY_CALL_TIMEOUT_MS = 3_000

/** Where a registry lives: the discovery etcd's client URL, the protocol and the token. */
type Registry = Pick<DiscoverySetting, 'endpoint' | 'protocol' | 'token'>

const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64')
const unb64 = (s: string | undefined): string => Buffer.from(s ?? '', 'base64').toString('utf8')

/** The URL a user reads for a registry (the v2 discovery URL, or the v3 endpoint). */
function urlOf(r: Registry): string {
  return r.protocol === 'v2' ? v2DiscoveryUrlOf(r) : r.endpoint
}

/** One HTTP call to the discovery etcd; a network failure or a 5xx is DISCOVERY_UNREACHABLE. */
async function call(r: Registry, path: string, init: RequestInit = {}): Promise<Response> {
  let response: Response
  try {
    response = await fetch(`${r.endpoint}${path}`, {
      ...init,
      signal: AbortSignal.timeout(REGISTRY_CALL_TIMEOUT_MS),
    })
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause
    const reason = cause?.code ?? cause?.message ?? (error as Error).message
    throw new EngineError(
      'DISCOVERY_UNREACHABLE',
      `The discovery etcd at ${urlOf(r)} does not answer (${reason}).`,
      { url: urlOf(r), reason },
    )
  }
  if (response.status >= 500) {
    const reason = `HTTP ${response.status}: ${(await response.text()).slice(0, 200)}`
    throw new EngineError(
      'DISCOVERY_UNREACHABLE',
      `The discovery etcd at ${urlOf(r)} failed: ${reason}`,
      {
        url: urlOf(r),
        reason,
      },
    )
  }
  return response
}

/** A v3 JSON-gateway call (`/v3/kv/...`, served by 3.4 and later). */
async function v3(
  r: Registry,
  op: 'put' | 'range',
  body: object,
): Promise<Record<string, unknown>> {
  const response = await call(r, `/v3/kv/${op}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  return (await response.json()) as Record<string, unknown>
}

/** The v2 keys API path of a registry key ("/v2/keys/_etcd/registry/<token>/_config/size"). */
const v2Path = (key: string): string => `/v2/keys${key}`

/**
 * Writes the cluster size under the token — the step that creates a token (v2: `curl -XPUT
 * …/_config/size -d value=N`; v3: a plain put of /_etcd/registry/<token>/_config/size).
 */
export async function writeSize(r: Registry, size: number): Promise<void> {
  if (r.protocol === 'v3') {
    await v3(r, 'put', { key: b64(sizeKeyOf(r.token)), value: b64(String(size)) })
    return
  }
  const response = await call(r, v2Path(sizeKeyOf(r.token)), {
    method: 'PUT',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: `value=${size}`,
  })
  if (!response.ok) {
    // A 404 here means the discovery etcd serves no v2 API (started without --enable-v2).
    const reason = `HTTP ${response.status}: ${(await response.text()).slice(0, 200)}`
    throw new EngineError(
      'DISCOVERY_UNAVAILABLE',
      `The discovery etcd refused the token: ${reason}`,
      {
        url: urlOf(r),
        reason,
      },
    )
  }
}

/** The size saved under the token, or null when there is none (or it is not a number). */
export async function readSize(r: Registry): Promise<number | null> {
  let raw: string | undefined
  if (r.protocol === 'v3') {
    const answer = await v3(r, 'range', { key: b64(sizeKeyOf(r.token)) })
    const kvs = answer.kvs as { value?: string }[] | undefined
    raw = kvs?.[0] ? unb64(kvs[0].value) : undefined
  } else {
    const response = await call(r, v2Path(sizeKeyOf(r.token)))
    if (response.status === 404) return null
    const answer = (await response.json()) as { node?: { value?: string } }
    raw = answer.node?.value
  }
  const size = raw === undefined ? NaN : Number(raw)
  return Number.isInteger(size) && size > 0 ? size : null
}

/** The members registered under the token so far (oldest first): key and "name=peerURL". */
export async function listRegistry(r: Registry): Promise<RegistryEntry[]> {
  if (r.protocol === 'v3') {
    const prefix = v3MembersKeyOf(r.token)
    const end = prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1)
    const answer = await v3(r, 'range', { key: b64(prefix), range_end: b64(end) })
    const kvs = (answer.kvs ?? []) as { key?: string; value?: string; create_revision?: string }[]
    return kvs
      .map((kv) => ({
        key: unb64(kv.key),
        value: unb64(kv.value),
        order: Number(kv.create_revision),
      }))
      .sort((a, b) => a.order - b.order)
      .map(({ key, value }) => ({ key, value }))
  }
  const response = await call(r, v2Path(registryKeyOf(r.token)))
  if (response.status === 404) return []
  const answer = (await response.json()) as {
    node?: { nodes?: { key: string; value?: string; dir?: boolean; createdIndex?: number }[] }
  }
  return (answer.node?.nodes ?? [])
    .filter((n) => !n.dir)
    .sort((a, b) => (a.createdIndex ?? 0) - (b.createdIndex ?? 0))
    .map((n) => ({ key: n.key, value: n.value ?? '' }))
}
