import { open } from 'node:fs/promises'
import { isNotFound } from './is-not-found'
import { rotatedLogPath } from './log-rotation'

/** Bytes read back from disk at most when a member's log starts (about 10,000 zap lines). */
const DEFAULT_HISTORY_BYTES = 4 * 1024 * 1024

/** What was read back from a log file and where following it should continue. */
export interface LogHistory {
  /** The last complete lines, oldest first (from `<file>.1` first when the file was short). */
  lines: string[]
  /** Offset in `file` just after the last complete line: where a tail should start. */
  endOffset: number
}

/** Limits for readLogHistory. */
export interface LogHistoryOptions {
  maxLines: number
  maxBytes?: number
}

interface FileTail {
  lines: string[]
  endOffset: number
  bytesRead: number
}

/**
 * Reads back the last lines of a member's log, so logs survive an app restart. When `file` holds
 * fewer than `maxLines` (it was just rotated), the tail of `<file>.1` comes first. A last line
 * without its newline is left for the tail to read once it is complete.
 */
export async function readLogHistory(
  file: string,
  options: LogHistoryOptions,
): Promise<LogHistory> {
  const maxLines = Math.max(0, options.maxLines)
  const maxBytes = options.maxBytes ?? DEFAULT_HISTORY_BYTES
  const current = await readFileTail(file, maxBytes, false)
  let lines = current.lines
  const budget = maxBytes - current.bytesRead
  if (lines.length < maxLines && budget > 0) {
    const previous = await readFileTail(rotatedLogPath(file, 1), budget, true)
    lines = previous.lines.concat(lines)
  }
  return { lines: lines.slice(Math.max(0, lines.length - maxLines)), endOffset: current.endOffset }
}

/** The complete lines in the last `maxBytes` of a file (a missing file has none). */
async function readFileTail(
  file: string,
  maxBytes: number,
  keepPartial: boolean,
): Promise<FileTail> {
  let handle
  try {
    handle = await open(file, 'r')
  } catch (error) {
    if (isNotFound(error)) return { lines: [], endOffset: 0, bytesRead: 0 }
    throw error
  }
  try {
    const size = (await handle.stat()).size
    const start = Math.max(0, size - maxBytes)
    const buffer = Buffer.alloc(size - start)
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, start)
    return splitTail(buffer.subarray(0, bytesRead), start, keepPartial)
  } finally {
    await handle.close()
  }
}

/** Drops a first line cut by `start` and (unless kept) a last line with no newline yet. */
function splitTail(bytes: Buffer, start: number, keepPartial: boolean): FileTail {
  const lastNewline = bytes.lastIndexOf(0x0a)
  const completeEnd = lastNewline + 1
  const end = keepPartial ? bytes.length : completeEnd
  const from = start === 0 ? 0 : bytes.indexOf(0x0a) + 1
  const lines = from > 0 || start === 0 ? splitLines(bytes.subarray(Math.min(from, end), end)) : []
  return { lines, endOffset: start + completeEnd, bytesRead: bytes.length }
}

function splitLines(bytes: Buffer): string[] {
  if (bytes.length === 0) return []
  const text = bytes.toString('utf8')
  const lines = text.split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  return lines
}
