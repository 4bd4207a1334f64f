import type { ListedMember } from './cluster'

/**
 * Member IDs in log lines, named. etcd prints a member ID as unpadded lowercase hex of a 64-bit
 * number ("8e9e05c52164694d", types.ID.String), in raft messages and in fields such as
 * local-member-id, remote-peer-id, to and from. The cluster ID looks the same, so only IDs the
 * member list knows are named.
 */

/** Hex words that may be a member ID: unpadded, so a few leading zeros make it shorter than 16. */
const HEX_ID_RE = /\b[0-9a-f]{10,16}\b/g

/** Member names by hex ID, from the cluster's member list (unnamed learners are left out). */
export function memberNamesById(list: readonly ListedMember[]): ReadonlyMap<string, string> {
  return new Map(list.filter((m) => m.name !== '').map((m) => [m.id.toLowerCase(), m.name]))
}

/** `text` with every known member ID followed by its name: "8e9e05c52164694d (etcd1)". */
export function nameMemberIds(text: string, names: ReadonlyMap<string, string>): string {
  if (names.size === 0) return text
  return text.replace(HEX_ID_RE, (id) => {
    const name = names.get(id)
    return name === undefined ? id : `${id} (${name})`
  })
}

/** The IDs in `text` the member list knows (for tests and for highlighting). */
export function knownMemberIds(text: string, names: ReadonlyMap<string, string>): string[] {
  return [...text.matchAll(HEX_ID_RE)].map((m) => m[0]).filter((id) => names.has(id))
}
