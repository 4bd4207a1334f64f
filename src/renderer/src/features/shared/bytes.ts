/**
 * Byte helpers for the window. etcd keys and values are arbitrary bytes from anyone who can reach
 * the cluster: nothing here assumes UTF-8, and everything that becomes visible is plain text.
 */
import { decodeText } from '../../../../shared/bytes'

/** The byte helpers the engine uses too (one source: src/shared/bytes.ts). */
export {
  compareBytes,
  decodeText,
  encodeText,
  equalBytes,
  formatBytes,
  startsWithBytes,
} from '../../../../shared/bytes'

/** Two lower-case hex digits of one byte. */
export function hexByte(byte: number): string {
  return byte.toString(16).padStart(2, '0')
}

/** Bytes as space-separated hex pairs ("de ad be ef"). */
export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, hexByte).join(' ')
}

/** A classic hex dump: offset, 16 hex pairs, and the printable ASCII of each row. */
export function hexDump(bytes: Uint8Array): string {
  const rows: string[] = []
  for (let offset = 0; offset < bytes.length; offset += 16) {
    const row = bytes.subarray(offset, offset + 16)
    const hex = toHex(row).padEnd(47, ' ')
    const ascii = Array.from(row, (b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.'))
    rows.push(`${offset.toString(16).padStart(8, '0')}  ${hex}  ${ascii.join('')}`)
  }
  return rows.join('\n')
}

/** Parses hex such as "de ad be ef" or "deadbeef"; null when it is not whole bytes of hex. */
export function parseHex(text: string): Uint8Array | null {
  const digits = text.replace(/\s+/g, '')
  if (digits.length % 2 !== 0 || /[^0-9a-fA-F]/.test(digits)) return null
  const out = new Uint8Array(digits.length / 2)
  for (let i = 0; i < out.length; i++) out[i] = parseInt(digits.slice(i * 2, i * 2 + 2), 16)
  return out
}

/**
 * A key (or other short bytes) as one line of text: UTF-8 as is, anything else with printable
 * ASCII kept and other bytes as \xNN. Cut to `maxChars` with an ellipsis.
 */
export function displayBytes(bytes: Uint8Array, maxChars = 512): string {
  const text = decodeText(bytes)
  const shown =
    text !== null && !/[\n\r\t]/.test(text)
      ? text
      : Array.from(bytes, (b) =>
          b >= 0x20 && b < 0x7f && b !== 0x5c ? String.fromCharCode(b) : `\\x${hexByte(b)}`,
        ).join('')
  return shown.length > maxChars ? `${shown.slice(0, maxChars)}…` : shown
}

/** A lease ID (decimal string from the engine) in hex as etcdctl prints it; "0" means no lease. */
export function leaseToHex(lease: string): string {
  try {
    return BigInt(lease).toString(16)
  } catch {
    return lease
  }
}

/** An exact string form of bytes (hex, no spaces), for React keys and effect dependencies. */
export function bytesKey(bytes: Uint8Array): string {
  return Array.from(bytes, hexByte).join('')
}

/** The bytes of a bytesKey. */
export function fromBytesKey(key: string): Uint8Array {
  return parseHex(key) ?? new Uint8Array()
}

/**
 * Bytes typed as the contract's request schemas want them (zod infers Uint8Array<ArrayBuffer>,
 * while domain types say Uint8Array). Copies only if the bytes live in a SharedArrayBuffer.
 */
export function requestBytes(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer
    ? (bytes as Uint8Array<ArrayBuffer>)
    : new Uint8Array(bytes)
}
