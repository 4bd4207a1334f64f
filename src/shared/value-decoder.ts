/**
 * Which decoder shows a value: Kubernetes protobuf, JSON, text or binary. Pure, so the engine,
 * the window and the tests agree on it.
 */
import { decodeText } from './bytes'
import { readKubernetesEnvelope } from './kubernetes-value'

/** A way of reading a value's bytes. */
export type ValueDecoder = 'kubernetes' | 'json' | 'text' | 'binary'

/** Largest value parsed for pretty JSON (parsing is synchronous in the window). */
export const JSON_PARSE_CAP_BYTES = 2 * 1024 * 1024

/** The value as JSON indented by 2, or null when it is not JSON text (or too large to parse). */
export function prettyJson(value: Uint8Array): string | null {
  if (value.length > JSON_PARSE_CAP_BYTES) return null
  const text = decodeText(value)
  if (text === null) return null
  try {
    return JSON.stringify(JSON.parse(text), null, 2)
  } catch {
    return null
  }
}

/** True for an object or array in JSON (a bare number or string reads better as text). */
export function isJsonDocument(value: Uint8Array): boolean {
  const text = decodeText(value)
  if (text === null) return false
  const head = text.trimStart()
  return (head.startsWith('{') || head.startsWith('[')) && prettyJson(value) !== null
}

/**
 * The decoder a value opens with: Kubernetes protobuf when it starts with the "k8s\0" magic and a
 * runtime.Unknown follows; JSON for an object or array; text for printable UTF-8; else binary.
 */
export function valueDecoderOf(value: Uint8Array): ValueDecoder {
  if (readKubernetesEnvelope(value) !== null) return 'kubernetes'
  if (isJsonDocument(value)) return 'json'
  return decodeText(value) === null ? 'binary' : 'text'
}
