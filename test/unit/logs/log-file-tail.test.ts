import { appendFileSync, mkdirSync, renameSync, rmSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { LogFileTail, type LogFileTailOptions } from '../../../src/main/logs/log-file-tail'
import { rotateLogFile } from '../../../src/main/logs/log-rotation'
import { makeTestDir } from '../../helpers/test-dirs'

/** Why 5 s: a 50 ms poll (or a watch event) delivers appended lines in milliseconds. */
const LINE_WAIT = { timeout: 5_000, interval: 10 }

/** Waits until `lines` holds `count` lines. */
const linesReach = (lines: string[], count: number) =>
  vi.waitFor(() => expect(lines).toHaveLength(count), LINE_WAIT)

const tails: LogFileTail[] = []
afterEach(async () => {
  await Promise.all(tails.splice(0).map((t) => t.stop()))
})

function follow(file: string, options: Partial<LogFileTailOptions> = {}) {
  const lines: string[] = []
  const errors: unknown[] = []
  const tail = new LogFileTail({
    file,
    onLines: (more) => lines.push(...more),
    onError: (e) => errors.push(e),
    pollIntervalMs: 50,
    ...options,
  })
  tails.push(tail)
  tail.start()
  return { tail, lines, errors }
}

describe('LogFileTail', () => {
  it('reads lines appended in pieces; a partial line waits for its newline', async () => {
    const file = join(makeTestDir('tail-pieces'), 'etcd.log')
    writeFileSync(file, '')
    const { lines, errors, tail } = follow(file)
    const text = '{"level":"info","msg":"first"}\n{"level":"info","msg":"sec'
    appendFileSync(file, text)
    await linesReach(lines, 1)
    await tail.readNow() // a read after the partial line was written
    expect(lines).toEqual(['{"level":"info","msg":"first"}'])
    appendFileSync(file, 'ond"}\n')
    await linesReach(lines, 2)
    expect(lines[1]).toBe('{"level":"info","msg":"second"}')
    expect(errors).toEqual([])
  })

  it('keeps every line in order under many small appends that cut lines anywhere', async () => {
    const file = join(makeTestDir('tail-many'), 'etcd.log')
    const { lines, tail } = follow(file)
    const expected = Array.from({ length: 300 }, (_, i) => `{"n":${i},"msg":"line ${i} ✓"}`)
    const stream = Buffer.from(expected.map((l) => l + '\n').join(''))
    for (let at = 0; at < stream.length;) {
      const size = 1 + ((at * 7) % 97)
      appendFileSync(file, stream.subarray(at, at + size))
      at += size
      if (at % 5 === 0) await tail.readNow() // a read mid-stream, cutting lines anywhere
    }
    await linesReach(lines, expected.length)
    expect(lines).toEqual(expected)
  })

  it('starts at the given offset', async () => {
    const file = join(makeTestDir('tail-offset'), 'etcd.log')
    writeFileSync(file, 'old 1\nold 2\n')
    const { lines } = follow(file, { startOffset: 6 })
    appendFileSync(file, 'new\n')
    await linesReach(lines, 2)
    expect(lines).toEqual(['old 2', 'new'])
  })

  it('waits for a file (and folder) that does not exist yet', async () => {
    const dir = join(makeTestDir('tail-missing'), 'logs')
    const file = join(dir, 'etcd.log')
    const { lines, errors, tail } = follow(file)
    await tail.readNow() // a read while neither the file nor its folder exists
    mkdirSync(dir)
    writeFileSync(file, 'hello\n')
    await linesReach(lines, 1)
    appendFileSync(file, 'again\n')
    await linesReach(lines, 2)
    expect(lines).toEqual(['hello', 'again'])
    expect(errors).toEqual([])
  })

  it('restarts at 0 when the file is truncated', async () => {
    const file = join(makeTestDir('tail-truncate'), 'etcd.log')
    writeFileSync(file, 'a long first line\n')
    const { lines, tail } = follow(file)
    await linesReach(lines, 1)
    truncateSync(file, 0)
    await tail.readNow() // a read that sees the empty file
    appendFileSync(file, 'b\n')
    await linesReach(lines, 2)
    expect(lines).toEqual(['a long first line', 'b'])
  })

  it('restarts at 0 when the file is replaced, even by a longer one', async () => {
    const dir = makeTestDir('tail-replace')
    const file = join(dir, 'etcd.log')
    writeFileSync(file, 'x\n')
    const { lines } = follow(file)
    await linesReach(lines, 1)
    writeFileSync(join(dir, 'next'), 'replacement line one\nreplacement line two\n')
    renameSync(join(dir, 'next'), file)
    await linesReach(lines, 3)
    expect(lines).toEqual(['x', 'replacement line one', 'replacement line two'])
  })

  it('starts over when the file is deleted and created again', async () => {
    const file = join(makeTestDir('tail-delete'), 'etcd.log')
    writeFileSync(file, 'before\n')
    const { lines, errors, tail } = follow(file)
    await linesReach(lines, 1)
    rmSync(file)
    await tail.readNow() // a read that finds no file
    writeFileSync(file, 'after\n')
    await linesReach(lines, 2)
    expect(lines).toEqual(['before', 'after'])
    expect(errors).toEqual([])
  })

  it('sees appends through fs.watch without waiting for the poll', async () => {
    const file = join(makeTestDir('tail-watch'), 'etcd.log')
    writeFileSync(file, '')
    const { lines, tail } = follow(file, { pollIntervalMs: 60_000 })
    await tail.readNow()
    appendFileSync(file, 'quick\n')
    await linesReach(lines, 1)
  })

  it('reads the bytes that arrive during a rotation from the rotated copy', async () => {
    const file = join(makeTestDir('tail-rotate'), 'etcd.log')
    writeFileSync(file, 'one\n')
    const { lines, tail } = follow(file, { pollIntervalMs: 60_000 })
    await linesReach(lines, 1)
    await tail.rotate(async () => {
      appendFileSync(file, 'two\nthree\n') // written after the tail's last read
      return rotateLogFile(file, 3)
    })
    expect(tail.position).toBe(0)
    appendFileSync(file, 'four\n')
    await linesReach(lines, 4)
    expect(lines).toEqual(['one', 'two', 'three', 'four'])
  })

  it('calls nothing after stop()', async () => {
    const file = join(makeTestDir('tail-stop'), 'etcd.log')
    writeFileSync(file, 'a\n')
    const { lines, tail } = follow(file)
    await linesReach(lines, 1)
    await tail.stop()
    // A tail still running on the same file shows when the stopped one would have seen 'b'.
    const witness = follow(file)
    appendFileSync(file, 'b\n')
    await linesReach(witness.lines, 2)
    expect(lines).toEqual(['a'])
    await tail.readNow()
    expect(lines).toEqual(['a'])
  })
})
