/** Why 1 s: the leader notices closed peer streams within milliseconds; never stall a stop longer. */
const PEER_QUIET_TIMEOUT_MS = 1_000
/** Why 10 ms: the wait is normally a few polls long; anything coarser would dominate the stop time. */
const PEER_QUIET_POLL_MS = 10

/** How many peers a member's transport still counts as connected (etcd_network_active_peers). */
async function countActivePeers(clientUrl: string): Promise<number | null> {
  try {
    const res = await fetch(`${clientUrl}/metrics`, {
      signal: AbortSignal.timeout(PEER_QUIET_TIMEOUT_MS),
    })
    const text = await res.text()
    let active = 0
    for (const line of text.split('\n')) {
      if (line.startsWith('etcd_network_active_peers{'))
        active += Number(line.slice(line.lastIndexOf(' ') + 1)) || 0
    }
    return active
  } catch {
    return null
  }
}

/**
 * Waits until the last member no longer counts any peer as connected. A leader stopped while it
 * still believes a peer is up tries to hand leadership to it and waits etcd's whole request
 * timeout (~7 s); measured here right after a member rejoined, when followers stop in ~10 ms but
 * the leader needs a few more to notice.
 */
export async function waitForNoActivePeers(
  clientUrl: string,
  timeoutMs = PEER_QUIET_TIMEOUT_MS,
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const active = await countActivePeers(clientUrl)
    if (active === null || active === 0) return
    await new Promise((r) => setTimeout(r, PEER_QUIET_POLL_MS))
  }
}
