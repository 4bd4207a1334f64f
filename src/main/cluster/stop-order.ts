/**
 * Order in which to stop members: all followers together first, then the leader. Stopping all at
 * once makes the leader wait ~7 s on a leadership transfer to a member that is already exiting;
 * followers first takes ~15 ms (measured, ETCD-FACTS). Without a known leader, all go at once.
 */
export function stopWaves<T>(
  members: readonly T[],
  nameOf: (member: T) => string,
  leaderName: string | null,
): T[][] {
  const leader = members.find((m) => nameOf(m) === leaderName)
  if (!leader) return members.length ? [[...members]] : []
  const followers = members.filter((m) => m !== leader)
  return followers.length ? [followers, [leader]] : [[leader]]
}
