/**
 * Byte helpers for etcd keys. etcd keys and values are arbitrary bytes: nothing here assumes UTF-8.
 */
import { decodeText } from '../../shared/bytes'

const ZERO = new Uint8Array([0])

/** Longest printable form of a key in messages; longer keys are cut (keys may be up to ~1.5 MiB). */
const PRINTABLE_MAX_CHARS = 200

/** A half-open byte range [key, rangeEnd) as etcd's Range/DeleteRange/Watch take it. */
export interface ByteRange {
  key: Uint8Array
  rangeEnd: Uint8Array
}

/**
 * The first key after every key that starts with `prefix` ("aa" → "ab", "a\xff" → "b"), or null
 * when there is none (empty prefix, or only 0xff bytes).
 */
export function prefixSuccessor(prefix: Uint8Array): Uint8Array | null {
  for (let i = prefix.length - 1; i >= 0; i--) {
    const byte = prefix[i] as number
    if (byte < 0xff) {
      const end = copyBytes(prefix.subarray(0, i + 1))
      end[i] = byte + 1
      return end
    }
  }
  return null
}

/**
 * The range_end that covers every key starting with `prefix`: its successor, or "\0" when it has
 * none, which etcd reads as "to the end of the key space" (rpc.proto, RangeRequest.range_end).
 */
export function prefixEnd(prefix: Uint8Array): Uint8Array {
  return prefixSuccessor(prefix) ?? copyBytes(ZERO)
}

/** The range holding every key that starts with `prefix`; an empty prefix is the whole key space. */
export function prefixRange(prefix: Uint8Array): ByteRange {
  // etcd rejects an empty key ("key is not provided"); "\0" is the smallest key there is.
  return { key: prefix.length > 0 ? prefix : copyBytes(ZERO), rangeEnd: prefixEnd(prefix) }
}

/** The smallest key strictly greater than `key`: the key followed by one zero byte. */
export function keyAfter(key: Uint8Array): Uint8Array {
  return concatBytes(key, ZERO)
}

/** Joins byte arrays into a new one. */
export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0))
  let offset = 0
  for (const part of parts) {
    out.set(part, offset)
    offset += part.length
  }
  return out
}

/** Index of the first occurrence of `needle` in `bytes` at or after `from`, or -1. */
export function indexOfBytes(bytes: Uint8Array, needle: Uint8Array, from = 0): number {
  if (needle.length === 0) return from <= bytes.length ? from : -1
  outer: for (let i = from; i <= bytes.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer
    return i
  }
  return -1
}

/** A Buffer view of the bytes, without copying, for the etcd3/gRPC client. */
export function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length)
}

/**
 * A plain Uint8Array copy of the bytes. Needed for bytes received from gRPC: they are Buffers,
 * whose slice() is a view that shares (and lets you mutate) the response; and a view would make
 * structured clone (IPC) copy the whole shared response buffer for every key.
 */
export function copyBytes(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(bytes)
}

/** Lower-case hex of the bytes. */
function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

/**
 * A key as text for messages: the UTF-8 text when the bytes are valid UTF-8 without control
 * characters, otherwise "hex:" followed by the hex bytes; cut to about PRINTABLE_MAX_CHARS with "…".
 */
export function printableKey(key: Uint8Array): string {
  const text = printableText(key)
  if (text !== null) {
    return text.length > PRINTABLE_MAX_CHARS ? `${text.slice(0, PRINTABLE_MAX_CHARS)}…` : text
  }
  const shown = key.subarray(0, PRINTABLE_MAX_CHARS / 2)
  return `hex:${toHex(shown)}${shown.length < key.length ? '…' : ''}`
}

/** The bytes as one line of text when they are valid UTF-8 without control characters, else null. */
function printableText(bytes: Uint8Array): string | null {
  const text = decodeText(bytes)
  return text === null || /[\t\n\r]/.test(text) ? null : text
}
