/** What a member's /health endpoint said. */
export interface HealthReply {
  /** The member answered HTTP at all (its client port is serving). */
  reachable: boolean
  /** It answered {"health":"true"}: it has a leader and serves linearizable reads. */
  healthy: boolean
  detail: string
}

/** Asks a member's /health endpoint, giving up after timeoutMs. */
export async function checkHealth(clientUrl: string, timeoutMs: number): Promise<HealthReply> {
  try {
    const res = await fetch(`${clientUrl}/health`, { signal: AbortSignal.timeout(timeoutMs) })
    const body = await res.text()
    let healthy = false
    try {
      healthy = (JSON.parse(body) as { health?: unknown }).health === 'true'
    } catch {
      // not JSON: not healthy
    }
    return { reachable: true, healthy: res.ok && healthy, detail: body.trim().slice(0, 300) }
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code
    return { reachable: false, healthy: false, detail: cause ?? (error as Error).message }
  }
}
