import { assertNever } from '../../../../shared/result'
import { shellCommand } from '../../../../shared/shell-words'
import { decodeText, hexByte } from '../shared/bytes'
import type { KeyAction } from '../keys/key-action'

/** Longest value written inline into a command; longer or binary values are read from a file. */
const INLINE_VALUE_MAX_BYTES = 512

/** File name the command reads a long or binary value from. */
const VALUE_FILE = 'value.bin'

/**
 * Bytes as one shell word: single-quoted UTF-8 text, or bash/zsh ANSI-C quoting ($'\xNN') when
 * the bytes are not plain text, so any key survives copy and paste exactly.
 */
export function shellWord(bytes: Uint8Array): string {
  const text = decodeText(bytes)
  if (text !== null && !/[\n\r\t]/.test(text)) return `'${text.replaceAll("'", `'\\''`)}'`
  const escaped = Array.from(bytes, (b) =>
    b >= 0x20 && b < 0x7f && b !== 0x27 && b !== 0x5c ? String.fromCharCode(b) : `\\x${hexByte(b)}`,
  )
  return `$'${escaped.join('')}'`
}

/**
 * A key action as a command line of `etcdctl` (the cluster's own binary when known); `--` keeps
 * keys that start with "-" from reading as flags.
 */
export function etcdctlCommand(
  endpoints: string,
  action: KeyAction,
  etcdctl = 'etcdctl',
): { command: string; note: string | null } {
  const base = shellCommand(etcdctl, [`--endpoints=${endpoints}`])
  switch (action.kind) {
    case 'get':
      return { command: `${base} get -w json -- ${shellWord(action.key)}`, note: null }
    case 'list':
      return {
        command: `${base} get --prefix --keys-only --limit=${action.limit} -- ${shellWord(action.prefix)}`,
        note: action.prefix.length === 0 ? 'An empty prefix lists from the first key.' : null,
      }
    case 'put': {
      const isInline =
        action.value.length <= INLINE_VALUE_MAX_BYTES && decodeText(action.value) !== null
      if (isInline) {
        return {
          command: `${base} put -- ${shellWord(action.key)} ${shellWord(action.value)}`,
          note: null,
        }
      }
      return {
        command: `${base} put -- ${shellWord(action.key)} < ${VALUE_FILE}`,
        note: `The value (${action.value.length} bytes) is long or binary: etcdctl reads it from ${VALUE_FILE} on standard input.`,
      }
    }
    case 'delete':
      return { command: `${base} del -- ${shellWord(action.key)}`, note: null }
    case 'delete-prefix':
      return { command: `${base} del --prefix -- ${shellWord(action.prefix)}`, note: null }
    default:
      return assertNever(action)
  }
}
