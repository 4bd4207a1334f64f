import { registryKeyOf, sizeKeyOf, v3MembersKeyOf } from '../../shared/discovery'
import {
  MAX_REGISTRY_KEYS,
  type RegistryKey,
  type RegistryKeyKind,
} from '../../shared/discovery-registry'
import { EngineError } from '../errors/engine-error'
import {
  b64,
  callDiscoveryEtcd,
  readBoundedText,
  unb64,
  urlOf,
  v2Path,
  v3Call,
  type Registry,
} from './discovery-http'

/** Every key under a token's folder, as read: the first MAX_REGISTRY_KEYS, and how many in all. */
interface RegistryKeys {
  keys: RegistryKey[]
  total: number
}

/** A v2 keys API node (a folder has `nodes`, a key has `value`). */
interface V2Node {
  key: string
  value?: string
  dir?: boolean
  createdIndex?: number
  nodes?: V2Node[]
}

/** v2 error code "Key not found": the token's folder does not exist (yet). */
const V2_KEY_NOT_FOUND = 100

/** What a key under the token is (v2 members sit right under the folder, v3 under members/). */
function kindOf(r: Registry, key: string): RegistryKeyKind {
  if (key === sizeKeyOf(r.token)) return 'size'
  if (r.protocol === 'v3') return key.startsWith(v3MembersKeyOf(r.token)) ? 'member' : 'other'
  const name = key.slice(registryKeyOf(r.token).length + 1)
  return name.length > 0 && !name.includes('/') && !name.startsWith('_') ? 'member' : 'other'
}

/** The keys (not folders) of a v2 tree, in any order. */
function leavesOf(node: V2Node | undefined): V2Node[] {
  if (!node) return []
  if (!node.dir) return [node]
  return (node.nodes ?? []).flatMap(leavesOf)
}

/** A v2 keys API answer, or null when the text is not one (a plain "404 page not found"). */
function v2AnswerOf(text: string): { node?: V2Node; errorCode?: number } | null {
  try {
    return JSON.parse(text) as { node?: V2Node; errorCode?: number }
  } catch {
    return null
  }
}

/**
 * One GET of the v2 keys API: the answer's node, or null for "Key not found". The v2 API has no
 * limit: the answer is capped in bytes instead.
 */
async function getV2Node(r: Registry, path: string): Promise<V2Node | null> {
  const response = await callDiscoveryEtcd(r, path)
  const text = await readBoundedText(r, response)
  const answer = v2AnswerOf(text)
  if (answer?.errorCode === V2_KEY_NOT_FOUND) return null
  if (!response.ok || !answer?.node) {
    // A 404 that is not "Key not found" is Go's plain 404: this etcd serves no v2 API.
    const reason = `HTTP ${response.status}: ${text.slice(0, 200)}`
    throw new EngineError(
      'DISCOVERY_UNAVAILABLE',
      `The discovery etcd at ${urlOf(r)} did not list the registry (${reason}).`,
      { url: urlOf(r), reason },
    )
  }
  return answer.node
}

/**
 * v2: the token's folder, recursively, and its size key on its own — v2 hides names that start
 * with "_" from listings, so `_config/size` never appears in the folder's.
 */
async function readV2(r: Registry): Promise<RegistryKeys> {
  const [folder, size] = await Promise.all([
    getV2Node(r, `${v2Path(registryKeyOf(r.token))}?recursive=true`),
    getV2Node(r, v2Path(sizeKeyOf(r.token))),
  ])
  const leaves = [...(size ? [size] : []), ...leavesOf(folder ?? undefined)].sort(
    (a, b) => (a.createdIndex ?? 0) - (b.createdIndex ?? 0),
  )
  return {
    keys: leaves
      .slice(0, MAX_REGISTRY_KEYS)
      .map((n) => ({ key: n.key, value: n.value ?? '', kind: kindOf(r, n.key) })),
    total: leaves.length,
  }
}

/** v3: one range over the token's folder with a limit; etcd counts the rest. */
async function readV3(r: Registry): Promise<RegistryKeys> {
  const prefix = `${registryKeyOf(r.token)}/`
  const end = prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1)
  const answer = await v3Call(r, 'range', {
    key: b64(prefix),
    range_end: b64(end),
    limit: MAX_REGISTRY_KEYS,
  })
  const kvs = (answer.kvs ?? []) as { key?: string; value?: string; create_revision?: string }[]
  const keys = kvs
    .map((kv) => ({ key: unb64(kv.key), value: unb64(kv.value), at: Number(kv.create_revision) }))
    .sort((a, b) => a.at - b.at)
    .map(({ key, value }) => ({ key, value, kind: kindOf(r, key) }))
  return { keys, total: Number(answer.count ?? keys.length) }
}

/**
 * The keys under a token's registry folder in the order they were written: the size, then the
 * members as they registered (the order that decides who is in, ETCD-OPS-FACTS §2.2).
 */
export function readRegistryKeys(r: Registry): Promise<RegistryKeys> {
  return r.protocol === 'v2' ? readV2(r) : readV3(r)
}
