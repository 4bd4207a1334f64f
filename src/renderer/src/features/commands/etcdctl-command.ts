import { assertNever } from '../../../../shared/result'
import { shellCommand } from '../../../../shared/shell-words'
import { decodeText, hexByte } from '../shared/bytes'
import type { KeyAction } from '../keys/key-action'

/** Longest value written inline into a command; longer or binary values are read from a file. */
const INLINE_VALUE_MAX_BYTES = 512

/** File name the command reads a long or binary value from. */
const VALUE_FILE = 'value.bin'

/** What to know about a command: an empty prefix, or a value read from a file (commands:keyNote). */
export type EtcdctlNote =
  { kind: 'emptyPrefix' } | { kind: 'valueFile'; count: number; file: string }

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
  /** The cluster's connection flags (--cacert, --cert, --key; --user=root with auth on). */
  tls: readonly string[] = [],
): { command: string; note: EtcdctlNote | null } {
  // Browse-as: log in as that user. `--user=<name>` without ":password" makes etcdctl prompt for
  // it, so no password lands on the screen, in the clipboard or in the shell's history.
  const flags = action.asUser
    ? [...tls.filter((f) => !f.startsWith('--user=')), `--user=${action.asUser}`]
    : tls
  const base = shellCommand(etcdctl, [`--endpoints=${endpoints}`, ...flags])
  switch (action.kind) {
    case 'get':
      return { command: `${base} get -w json -- ${shellWord(action.key)}`, note: null }
    case 'list':
      return {
        command: `${base} get --prefix --keys-only --limit=${action.limit} -- ${shellWord(action.prefix)}`,
        note: action.prefix.length === 0 ? { kind: 'emptyPrefix' } : null,
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
        note: { kind: 'valueFile', count: action.value.length, file: VALUE_FILE },
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
