import { memberHttpAgent, type ClientSecurity } from '../etcd/client-security'
import { getText, parseHealthAnswer } from '../status/health-check'

/** What a member's /health endpoint said. */
export interface HealthReply {
  /** The member answered HTTP at all (its client port is serving). */
  reachable: boolean
  /** It answered {"health":"true"}: it has a leader and serves linearizable reads. */
  healthy: boolean
  detail: string
}

/**
 * Asks a member's /health endpoint once (no connection reuse: used only while starting), with
 * the cluster's client certificate on a TLS member.
 */
export async function checkHealth(
  clientUrl: string,
  timeoutMs: number,
  security: ClientSecurity,
  cancel?: AbortSignal,
): Promise<HealthReply> {
  const agent = memberHttpAgent(clientUrl, security, false)
  try {
    const { statusCode, body } = await getText(clientUrl, '/health', agent, timeoutMs, cancel)
    const answer = parseHealthAnswer(statusCode, body)
    return {
      reachable: true,
      healthy: answer.healthy,
      detail: answer.reason ?? body.trim().slice(0, 300),
    }
  } catch (error) {
    const code = (error as { code?: string }).code
    return { reachable: false, healthy: false, detail: code ?? (error as Error).message }
  } finally {
    agent.destroy()
  }
}
