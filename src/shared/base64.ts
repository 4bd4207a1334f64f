/**
 * Standard base64 (RFC 4648 §4, padded) without Node's Buffer or the DOM's btoa, so the same code
 * runs in the engine and in the window.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const DECODE = new Int16Array(128).fill(-1)
const ENCODE = new Uint8Array(64)
for (let i = 0; i < ALPHABET.length; i++) {
  DECODE[ALPHABET.charCodeAt(i)] = i
  ENCODE[i] = ALPHABET.charCodeAt(i)
}
const PAD = 61 // '='
const ascii = new TextDecoder()

/** Encodes bytes as padded base64. */
export function encodeBase64(bytes: Uint8Array): string {
  // Why bytes then one TextDecoder call: building strings char by char is ~30x slower on 64 MiB.
  const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4)
  let o = 0
  let i = 0
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!
    out[o++] = code(n >> 18)
    out[o++] = code(n >> 12)
    out[o++] = code(n >> 6)
    out[o++] = code(n)
  }
  const rest = bytes.length - i
  if (rest > 0) {
    const n = (bytes[i]! << 16) | (rest === 2 ? bytes[i + 1]! << 8 : 0)
    out[o++] = code(n >> 18)
    out[o++] = code(n >> 12)
    out[o++] = rest === 2 ? code(n >> 6) : PAD
    out[o++] = PAD
  }
  return ascii.decode(out)
}

/** Decodes padded base64; throws on anything that is not canonical base64. */
export function decodeBase64(text: string): Uint8Array {
  if (text.length % 4 !== 0) throw new TypeError('base64 length must be a multiple of 4')
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0
  const out = new Uint8Array((text.length / 4) * 3 - padding)
  let o = 0
  for (let i = 0; i < text.length; i += 4) {
    const isLast = i + 4 === text.length
    const a = sextet(text, i)
    const b = sextet(text, i + 1)
    const c = isLast && padding === 2 ? 0 : sextet(text, i + 2)
    const d = isLast && padding >= 1 ? 0 : sextet(text, i + 3)
    const n = (a << 18) | (b << 12) | (c << 6) | d
    out[o++] = (n >> 16) & 0xff
    if (o < out.length) out[o++] = (n >> 8) & 0xff
    if (o < out.length) out[o++] = n & 0xff
  }
  return out
}

function code(sixBits: number): number {
  return ENCODE[sixBits & 63]!
}

function sextet(text: string, index: number): number {
  const c = text.charCodeAt(index)
  const value = c < 128 ? DECODE[c]! : -1
  if (value < 0) throw new TypeError(`invalid base64 character at ${index}`)
  return value
}
