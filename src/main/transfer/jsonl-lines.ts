import { createReadStream } from 'node:fs'
import { EngineError } from '../errors/engine-error'

/**
 * Longest line an import file may hold. Why 96 MiB: a key line carries a value of up to 64 MiB
 * (the contract's limit) as base64 (~86 MiB) plus its key; a longer line is no export of ours and
 * must not grow a buffer without bound.
 */
const MAX_IMPORT_LINE_BYTES = 96 * 1024 * 1024

/** Bytes read from the file at a time. */
const READ_CHUNK_BYTES = 1024 * 1024

const NEWLINE = 0x0a

/** One line of a file and its 1-based number. */
export interface NumberedLine {
  number: number
  text: string
}

/**
 * The lines of a file, streamed (one chunk in memory plus the line being assembled), without
 * their newline; a last line without a newline counts too, empty lines are skipped. A line
 * longer than `maxLineBytes` fails with IMPORT_FILE_INVALID naming its number.
 */
export async function* readLines(
  path: string,
  name: string,
  maxLineBytes = MAX_IMPORT_LINE_BYTES,
): AsyncGenerator<NumberedLine> {
  let pending: Buffer[] = []
  let pendingBytes = 0
  let number = 0
  const take = (): NumberedLine => {
    number++
    const text = Buffer.concat(pending, pendingBytes).toString('utf8')
    pending = []
    pendingBytes = 0
    return { number, text }
  }
  const add = (part: Buffer): void => {
    if (pendingBytes + part.length > maxLineBytes) {
      throw new EngineError(
        'IMPORT_FILE_INVALID',
        `${name} line ${number + 1} is longer than ${maxLineBytes} bytes: not an etcd Desk export.`,
        { file: name, line: number + 1, reason: 'line too long' },
      )
    }
    // Copy: the stream may reuse the chunk's memory for its next read.
    if (part.length > 0) pending.push(Buffer.from(part))
    pendingBytes += part.length
  }
  for await (const chunk of createReadStream(path, { highWaterMark: READ_CHUNK_BYTES })) {
    const bytes = chunk as Buffer
    let start = 0
    let nl = bytes.indexOf(NEWLINE, start)
    while (nl !== -1) {
      add(bytes.subarray(start, nl))
      const line = take()
      if (line.text.trim() !== '') yield line
      start = nl + 1
      nl = bytes.indexOf(NEWLINE, start)
    }
    add(bytes.subarray(start))
  }
  if (pendingBytes > 0) {
    const line = take()
    if (line.text.trim() !== '') yield line
  }
}
