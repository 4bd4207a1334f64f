import { decodeText, encodeText, parseHex, toHex } from '../shared/bytes'

/** How the Value field is read: as UTF-8 text, or as hex for binary values. */
export type ValueFormat = 'text' | 'hex'

/** Largest value edited in the window; bigger ones are edited with etcdctl. */
export const MAX_EDIT_BYTES = 1024 * 1024

/** The Value field's initial text and format for a value (hex when it is not text). */
export function draftOf(value: Uint8Array | null): { text: string; format: ValueFormat } {
  if (!value) return { text: '', format: 'text' }
  const text = decodeText(value)
  return text === null ? { text: toHex(value), format: 'hex' } : { text, format: 'text' }
}

/** The bytes the Value field stands for, or null when hex is malformed. */
export function bytesOfDraft(text: string, format: ValueFormat): Uint8Array | null {
  return format === 'hex' ? parseHex(text) : encodeText(text)
}

/** The field's text in the other format, or null when it cannot be converted (binary as text). */
export function convertDraft(text: string, from: ValueFormat, to: ValueFormat): string | null {
  if (from === to) return text
  if (to === 'hex') return toHex(encodeText(text))
  const bytes = parseHex(text)
  return bytes ? decodeText(bytes) : null
}
