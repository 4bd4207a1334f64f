import { v2DiscoveryUrlOf, type DiscoverySetting } from '../../shared/discovery'
import { EngineError } from '../errors/engine-error'

/**
 * Talking to the discovery etcd over HTTP: the v2 keys API (v2 discovery, 3.4/3.5 serving
 * `--enable-v2`) and the v3 JSON gateway (v3 discovery), each call bounded in time.
 */

/**
 * Why 3 s: the discovery etcd is a single local member that answers in milliseconds; a call that
 * takes longer means it is not there (or something else holds its port), and a create or start
 * must say so instead of hanging.
 */
const REGISTRY_CALL_TIMEOUT_MS = 3_000

/**
 * Most bytes read from one answer. A token's registry is its size and a key per member (a few
 * hundred bytes); a larger answer holds keys someone wrote by hand and is refused, not buffered.
 */
const MAX_ANSWER_BYTES = 1024 * 1024

/** Where a registry lives: the discovery etcd's client URL, the protocol and the token. */
export type Registry = Pick<DiscoverySetting, 'endpoint' | 'protocol' | 'token'>

/** Text as base64 (the v3 JSON gateway's bytes). */
export const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64')
/** base64 bytes of the v3 JSON gateway as text. */
export const unb64 = (s: string | undefined): string =>
  Buffer.from(s ?? '', 'base64').toString('utf8')

/** The URL a user reads for a registry (the v2 discovery URL, or the v3 endpoint). */
export function urlOf(r: Registry): string {
  return r.protocol === 'v2' ? v2DiscoveryUrlOf(r) : r.endpoint
}

/** One HTTP call to the discovery etcd; a network failure or a 5xx is DISCOVERY_UNREACHABLE. */
export async function callDiscoveryEtcd(
  r: Registry,
  path: string,
  init: RequestInit = {},
): Promise<Response> {
  let response: Response
  try {
    response = await fetch(`${r.endpoint}${path}`, {
      ...init,
      signal: AbortSignal.timeout(REGISTRY_CALL_TIMEOUT_MS),
    })
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause
    const reason = cause?.code ?? cause?.message ?? (error as Error).message
    throw new EngineError(
      'DISCOVERY_UNREACHABLE',
      `The discovery etcd at ${urlOf(r)} does not answer (${reason}).`,
      { url: urlOf(r), reason },
    )
  }
  if (response.status >= 500) {
    const reason = `HTTP ${response.status}: ${(await response.text()).slice(0, 200)}`
    throw new EngineError(
      'DISCOVERY_UNREACHABLE',
      `The discovery etcd at ${urlOf(r)} failed: ${reason}`,
      {
        url: urlOf(r),
        reason,
      },
    )
  }
  return response
}

/** A v3 JSON-gateway call (`/v3/kv/...`, served by 3.4 and later). */
export async function v3Call(
  r: Registry,
  op: 'put' | 'range',
  body: object,
): Promise<Record<string, unknown>> {
  const response = await callDiscoveryEtcd(r, `/v3/kv/${op}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  return JSON.parse(await readBoundedText(r, response)) as Record<string, unknown>
}

/**
 * An answer's text, read up to MAX_ANSWER_BYTES: a larger one is cancelled and refused
 * (DISCOVERY_UNAVAILABLE naming the URL), so a registry filled by hand never fills memory.
 */
export async function readBoundedText(r: Registry, response: Response): Promise<string> {
  if (!response.body) return ''
  const reader = (response.body as ReadableStream<Uint8Array>).getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const part = await reader.read()
    if (part.done) break
    size += part.value.byteLength
    if (size > MAX_ANSWER_BYTES) {
      await reader.cancel()
      const reason = `its answer is larger than ${MAX_ANSWER_BYTES} bytes`
      throw new EngineError(
        'DISCOVERY_UNAVAILABLE',
        `The discovery etcd at ${urlOf(r)} holds more under this token than etcd Desk reads: ${reason}.`,
        { url: urlOf(r), reason },
      )
    }
    chunks.push(part.value)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/** The v2 keys API path of a registry key ("/v2/keys/_etcd/registry/<token>/_config/size"). */
export const v2Path = (key: string): string => `/v2/keys${key}`
