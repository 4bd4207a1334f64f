import http from 'node:http'
import https from 'node:https'
import type { HealthAnswer } from './status-mapping'

/** Body of etcd's `/health` answer: `{"health":"true"}`, plus `reason` from 3.5 on. */
interface HealthBody {
  health?: unknown
  reason?: unknown
}

/** Interprets a `/health` answer; etcd answers 503 with a JSON body when unhealthy. */
export function parseHealthAnswer(statusCode: number, body: string): HealthAnswer {
  let parsed: HealthBody
  try {
    parsed = JSON.parse(body) as HealthBody
  } catch {
    return { healthy: false, reason: `unexpected answer: HTTP ${statusCode}` }
  }
  const healthy = statusCode === 200 && parsed.health === 'true'
  const reason = typeof parsed.reason === 'string' && parsed.reason ? parsed.reason : null
  return { healthy, reason: healthy ? null : reason }
}

/** GETs `<clientUrl>/health`; rejects when the member does not answer within `timeoutMs`. */
export async function fetchHealth(
  clientUrl: string,
  agent: http.Agent,
  timeoutMs: number,
): Promise<HealthAnswer> {
  const { statusCode, body } = await getText(clientUrl, '/health', agent, timeoutMs)
  return parseHealthAnswer(statusCode, body)
}

/** GETs a path of a member's client URL as text; rejects when it does not answer in time. */
export function getText(
  clientUrl: string,
  path: string,
  agent: http.Agent,
  timeoutMs: number,
  cancel?: AbortSignal,
): Promise<{ statusCode: number; body: string }> {
  const url = new URL(path, clientUrl)
  const get = url.protocol === 'https:' ? https.get : http.get
  const timeout = AbortSignal.timeout(timeoutMs)
  const signal = cancel ? AbortSignal.any([timeout, cancel]) : timeout
  return new Promise((resolve, reject) => {
    const request = get(url, { agent, signal }, (response) => {
      let body = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => (body += chunk))
      response.on('end', () => resolve({ statusCode: response.statusCode ?? 0, body }))
      response.on('error', reject)
    })
    request.on('error', (error) =>
      reject(
        error.name === 'AbortError' && !cancel?.aborted
          ? new Error(`no answer within ${timeoutMs} ms`)
          : error,
      ),
    )
  })
}
