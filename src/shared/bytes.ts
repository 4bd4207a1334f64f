/**
 * Byte helpers the engine and the window share. etcd keys and values are arbitrary bytes: nothing
 * here assumes UTF-8.
 */

const encoder = new TextEncoder()
const strictDecoder = new TextDecoder('utf-8', { fatal: true })

/** Orders two byte strings the way etcd orders keys (unsigned, lexicographic): <0, 0 or >0. */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) {
    const diff = (a[i] as number) - (b[i] as number)
    if (diff !== 0) return diff
  }
  return a.length - b.length
}

/** True when two byte arrays hold the same bytes. */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return compareBytes(a, b) === 0
}

/** True when `bytes` starts with `prefix`. */
export function startsWithBytes(bytes: Uint8Array, prefix: Uint8Array): boolean {
  if (prefix.length > bytes.length) return false
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false
  return true
}

/** Encodes text as UTF-8 bytes. */
export function encodeText(text: string): Uint8Array {
  return encoder.encode(text)
}

/**
 * The bytes as UTF-8 text, or null when they are not valid UTF-8 or hold control characters
 * other than tab, newline and carriage return (text that is unsafe to show as is).
 */
export function decodeText(bytes: Uint8Array): string | null {
  try {
    const text = strictDecoder.decode(bytes)
    return hasUnsafeControl(text) ? null : text
  } catch {
    // Not valid UTF-8: the caller shows the bytes as hex instead.
    return null
  }
}

function hasUnsafeControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) return true
  }
  return false
}

/** A size such as "812 B", "4.2 KiB" or "1.5 MiB". */
export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`
  const units = ['KiB', 'MiB', 'GiB', 'TiB']
  let value = size / 1024
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`
}
