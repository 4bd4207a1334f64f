import { registryKeyOf, sizeKeyOf, v3MembersKeyOf } from '../../shared/discovery'
import type { RegistryEntry } from '../../shared/contract'
import { EngineError } from '../errors/engine-error'
import {
  b64,
  callDiscoveryEtcd,
  unb64,
  urlOf,
  v2Path,
  v3Call,
  type Registry,
} from './discovery-http'

/**
 * Writes the cluster size under the token — the step that creates a token (v2: `curl -XPUT
 * …/_config/size -d value=N`; v3: a plain put of /_etcd/registry/<token>/_config/size).
 */
export async function writeSize(r: Registry, size: number): Promise<void> {
  if (r.protocol === 'v3') {
    await v3Call(r, 'put', { key: b64(sizeKeyOf(r.token)), value: b64(String(size)) })
    return
  }
  const response = await callDiscoveryEtcd(r, v2Path(sizeKeyOf(r.token)), {
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
    const answer = await v3Call(r, 'range', { key: b64(sizeKeyOf(r.token)) })
    const kvs = answer.kvs as { value?: string }[] | undefined
    raw = kvs?.[0] ? unb64(kvs[0].value) : undefined
  } else {
    const response = await callDiscoveryEtcd(r, v2Path(sizeKeyOf(r.token)))
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
    const answer = await v3Call(r, 'range', { key: b64(prefix), range_end: b64(end) })
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
  const response = await callDiscoveryEtcd(r, v2Path(registryKeyOf(r.token)))
  if (response.status === 404) return []
  const answer = (await response.json()) as {
    node?: { nodes?: { key: string; value?: string; dir?: boolean; createdIndex?: number }[] }
  }
  return (answer.node?.nodes ?? [])
    .filter((n) => !n.dir)
    .sort((a, b) => (a.createdIndex ?? 0) - (b.createdIndex ?? 0))
    .map((n) => ({ key: n.key, value: n.value ?? '' }))
}
