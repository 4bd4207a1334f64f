import { diffJson, diffLines, type ChangeObject } from 'diff'
import { decodeText, equalBytes, hexDump } from '../shared/bytes'

/** Largest value (each side) diffed line by line; above it only sizes are compared. */
const DIFF_CAP_BYTES = 512 * 1024

/** How long a diff may take before it gives up (jsdiff's own timeout): the window stays responsive. */
const DIFF_TIMEOUT_MS = 1_500

/** Unchanged lines kept around each change; longer unchanged runs are folded. */
const CONTEXT_LINES = 3

/** Bytes of each binary value shown as hex. */
const BINARY_HEX_BYTES = 256

/** One line of a diff: added in the newer value, removed from the older, unchanged, or a fold. */
export interface DiffLine {
  type: 'added' | 'removed' | 'same' | 'fold'
  text: string
}

/** The difference between two versions' values. */
export type ValueDiff =
  | { kind: 'same' }
  | { kind: 'json' | 'text'; lines: DiffLine[]; added: number; removed: number }
  | { kind: 'binary'; olderHex: string; newerHex: string }
  /** Not diffed line by line: values too large, or jsdiff gave up (too different). */
  | { kind: 'too-large'; reason: 'tooLarge' | 'tooDifferent' }

/**
 * Compares two values: equal bytes are "same"; two JSON values are compared as JSON (objects with
 * sorted keys, pretty-printed, so key order and spacing do not count); two texts line by line;
 * anything else as binary (hex and sizes only).
 */
export function diffValues(older: Uint8Array, newer: Uint8Array): ValueDiff {
  if (equalBytes(older, newer)) return { kind: 'same' }
  const olderText = decodeText(older)
  const newerText = decodeText(newer)
  if (olderText === null || newerText === null) {
    return {
      kind: 'binary',
      olderHex: hexDump(older.subarray(0, BINARY_HEX_BYTES)),
      newerHex: hexDump(newer.subarray(0, BINARY_HEX_BYTES)),
    }
  }
  if (older.length > DIFF_CAP_BYTES || newer.length > DIFF_CAP_BYTES) {
    return { kind: 'too-large', reason: 'tooLarge' }
  }
  const olderJson = parseJson(olderText)
  const newerJson = parseJson(newerText)
  const isJson = olderJson !== undefined && newerJson !== undefined
  const changes = isJson
    ? diffJson(olderJson as object, newerJson as object, { timeout: DIFF_TIMEOUT_MS })
    : diffLines(olderText, newerText, { timeout: DIFF_TIMEOUT_MS })
  if (changes === undefined) {
    return { kind: 'too-large', reason: 'tooDifferent' }
  }
  return { kind: isJson ? 'json' : 'text', ...foldedLines(changes) }
}

/** The parsed JSON value, or undefined when the text is not JSON. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

/** jsdiff's changes as lines, with long unchanged runs folded to their context. */
function foldedLines(changes: ChangeObject<string>[]): {
  lines: DiffLine[]
  added: number
  removed: number
} {
  const lines: DiffLine[] = []
  let added = 0
  let removed = 0
  changes.forEach((change, index) => {
    const texts = splitLines(change.value)
    if (change.added || change.removed) {
      const type = change.added ? 'added' : 'removed'
      if (change.added) added += texts.length
      else removed += texts.length
      for (const text of texts) lines.push({ type, text })
      return
    }
    const keepHead = index === 0 ? 0 : CONTEXT_LINES
    const keepTail = index === changes.length - 1 ? 0 : CONTEXT_LINES
    if (texts.length <= keepHead + keepTail + 1) {
      for (const text of texts) lines.push({ type: 'same', text })
      return
    }
    for (const text of texts.slice(0, keepHead)) lines.push({ type: 'same', text })
    const folded = texts.length - keepHead - keepTail
    lines.push({ type: 'fold', text: `… ${folded} unchanged line${folded === 1 ? '' : 's'} …` })
    for (const text of texts.slice(texts.length - keepTail)) lines.push({ type: 'same', text })
  })
  return { lines, added, removed }
}

function splitLines(value: string): string[] {
  const lines = value.split('\n')
  if (lines.at(-1) === '') lines.pop()
  return lines
}
