import { decodeBase64, encodeBase64 } from './base64'

/**
 * JSON-safe form of contract values for the browser-mode WebSocket. Contract keys and values are
 * Uint8Array, which JSON cannot carry; a byte array becomes `{ "$bytes": "<base64>" }`. So that no
 * ordinary object can be mistaken for bytes, every object key that starts with `$` is escaped with
 * one more `$` (etcd log fields are arbitrary JSON and could hold a `$bytes` key).
 */

/** A value as it travels inside a JSON text. */
export type WireValue =
  null | boolean | number | string | WireValue[] | { [key: string]: WireValue }

const BYTES_TAG = '$bytes'

/** Converts a contract value into its JSON-safe wire form; throws on values JSON cannot carry. */
export function toWire(value: unknown): WireValue {
  if (value === null || value === undefined) return null
  switch (typeof value) {
    case 'boolean':
    case 'string':
      return value
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`cannot send the number ${value}`)
      return value
    case 'object':
      if (tagOf(value) === '[object Uint8Array]') {
        return { [BYTES_TAG]: encodeBase64(value as Uint8Array) }
      }
      if (Array.isArray(value)) return value.map(toWire)
      if (!isPlainObject(value))
        throw new TypeError('only plain objects and Uint8Array can be sent')
      return Object.fromEntries(
        Object.entries(value)
          .filter(([, v]) => v !== undefined)
          .map(([k, v]) => [k.startsWith('$') ? `$${k}` : k, toWire(v)]),
      )
    default:
      throw new TypeError(`cannot send a value of type ${typeof value}`)
  }
}

/** Converts a parsed wire value back into a contract value (byte arrays restored). */
export function fromWire(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map(fromWire)
  const entries: [string, unknown][] = Object.entries(value)
  if (entries.length === 1 && entries[0]![0] === BYTES_TAG) {
    const encoded = entries[0]![1]
    if (typeof encoded !== 'string') throw new TypeError('$bytes must be a base64 string')
    return decodeBase64(encoded)
  }
  // Security: Object.fromEntries defines own properties, so a "__proto__" key in a message stays
  // data and never replaces the prototype of the decoded object.
  return Object.fromEntries(
    entries.map(([k, v]) => [k.startsWith('$$') ? k.slice(1) : k, fromWire(v)]),
  )
}

// Why tags, not instanceof: values can come from another realm (an iframe, a test environment),
// whose Uint8Array and Object are different constructors.
function tagOf(value: object): string {
  return Object.prototype.toString.call(value)
}

function isPlainObject(value: object): boolean {
  return tagOf(value) === '[object Object]'
}

/** Serialises a contract value (with its byte arrays) as JSON text. */
export function encodeWire(value: unknown): string {
  return JSON.stringify(toWire(value))
}

/** Parses JSON text made by encodeWire; throws on malformed JSON or malformed byte arrays. */
export function decodeWire(text: string): unknown {
  return fromWire(JSON.parse(text))
}
