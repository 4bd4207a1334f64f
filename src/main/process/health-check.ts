import { parseHealthAnswer } from '../status/health-check'

/** What a member's /health endpoint said. */
export interface HealthReply {
  /** The member answered HTTP at all (its client port is serving). */
  reachable: boolean
  /** It answered {"health":"true"}: it has a leader and serves linearizable reads. */
  healthy: boolean
  detail: string
}

/** Asks a member's /health endpoint once (no connection reuse: used only while starting). */
export async function checkHealth(
  clientUrl: string,
  timeoutMs: number,
  cancel?: AbortSignal,
): Promise<HealthReply> {
  const timeout = AbortSignal.timeout(timeoutMs)
  try {
    const signal = cancel ? AbortSignal.any([timeout, cancel]) : timeout
    const res = await fetch(`${clientUrl}/health`, { signal })
    const body = await res.text()
    const answer = parseHealthAnswer(res.status, body)
    return {
      reachable: true,
      healthy: answer.healthy,
      detail: answer.reason ?? body.trim().slice(0, 300),
    }
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code
    return { reachable: false, healthy: false, detail: cause ?? (error as Error).message }
  }
}
