import { createHash } from 'node:crypto'
import type { ListedMember } from '../../shared/cluster'

/**
 * The member id etcd gives a member of its initial cluster: the first 8 bytes (big-endian) of
 * sha1(sorted peer URLs + cluster token), in hex as rafthttp sends it. Source: etcd
 * server/etcdserver/api/membership/member.go newMember (a member added later also hashes the time).
 */
export function initialMemberId(peerUrls: readonly string[], token: string): string {
  const hash = createHash('sha1')
    .update([...peerUrls].sort().join('') + token)
    .digest()
  return hash.readBigUInt64BE(0).toString(16)
}

/**
 * Member ids (hex) → names for the proxies: the initial members' ids computed up front (so links
 * are known from the first connection on), then etcd's own member list as the status poller reads
 * it (members added later).
 */
export class MemberNames {
  private readonly known = new Map<string, string>()
  private listed = new Map<string, string>()

  constructor(initial: readonly { name: string; peerUrl: string }[], token: string) {
    for (const m of initial) this.known.set(initialMemberId([m.peerUrl], token), m.name)
  }

  /** The member an id names, if known. */
  resolve(id: string): string | undefined {
    return this.listed.get(id) ?? this.known.get(id)
  }

  /** Names one id now (a member just added, before the member list shows it). */
  learn(id: string, name: string): void {
    this.known.set(id.toLowerCase().replace(/^0+(?=.)/, ''), name)
  }

  /** Takes etcd's member list; true when it names an id differently than before. */
  update(members: readonly ListedMember[]): boolean {
    const next = new Map(members.filter((m) => m.name !== '').map((m) => [m.id, m.name]))
    const isSame =
      next.size === this.listed.size &&
      [...next].every(([id, name]) => this.listed.get(id) === name)
    this.listed = next
    return !isSame
  }
}
