import { appendFileSync, mkdirSync, renameSync, rmSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { LogFileTail, type LogFileTailOptions } from '../../../src/main/logs/log-file-tail'
import { rotateLogFile } from '../../../src/main/logs/log-rotation'
import { makeTestDir } from '../../helpers/test-dirs'
import { settle, waitUntil } from './wait-until'

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
    const { lines, errors } = follow(file)
    const text = '{"level":"info","msg":"first"}\n{"level":"info","msg":"sec'
    appendFileSync(file, text)
    await waitUntil(() => lines.length === 1, 'first line')
    await settle()
    expect(lines).toEqual(['{"level":"info","msg":"first"}'])
    appendFileSync(file, 'ond"}\n')
    await waitUntil(() => lines.length === 2, 'second line')
    expect(lines[1]).toBe('{"level":"info","msg":"second"}')
    expect(errors).toEqual([])
  })

  it('keeps every line in order under many small appends that cut lines anywhere', async () => {
    const file = join(makeTestDir('tail-many'), 'etcd.log')
    const { lines } = follow(file)
    const expected = Array.from({ length: 300 }, (_, i) => `{"n":${i},"msg":"line ${i} ✓"}`)
    const stream = Buffer.from(expected.map((l) => l + '\n').join(''))
    for (let at = 0; at < stream.length;) {
      const size = 1 + ((at * 7) % 97)
      appendFileSync(file, stream.subarray(at, at + size))
      at += size
      if (at % 5 === 0) await settle(1) // let the tail read mid-stream, cutting lines anywhere
    }
    await waitUntil(() => lines.length === expected.length, 'all lines')
    expect(lines).toEqual(expected)
  })

  it('starts at the given offset', async () => {
    const file = join(makeTestDir('tail-offset'), 'etcd.log')
    writeFileSync(file, 'old 1\nold 2\n')
    const { lines } = follow(file, { startOffset: 6 })
    appendFileSync(file, 'new\n')
    await waitUntil(() => lines.length === 2, 'lines after the offset')
    expect(lines).toEqual(['old 2', 'new'])
  })

  it('waits for a file (and folder) that does not exist yet', async () => {
    const dir = join(makeTestDir('tail-missing'), 'logs')
    const file = join(dir, 'etcd.log')
    const { lines, errors } = follow(file)
    await settle(120)
    mkdirSync(dir)
    writeFileSync(file, 'hello\n')
    await waitUntil(() => lines.length === 1, 'the new file')
    appendFileSync(file, 'again\n')
    await waitUntil(() => lines.length === 2, 'a watched append')
    expect(lines).toEqual(['hello', 'again'])
    expect(errors).toEqual([])
  })

  it('restarts at 0 when the file is truncated', async () => {
    const file = join(makeTestDir('tail-truncate'), 'etcd.log')
    writeFileSync(file, 'a long first line\n')
    const { lines } = follow(file)
    await waitUntil(() => lines.length === 1, 'first line')
    truncateSync(file, 0)
    await settle(120)
    appendFileSync(file, 'b\n')
    await waitUntil(() => lines.length === 2, 'line after truncation')
    expect(lines).toEqual(['a long first line', 'b'])
  })

  it('restarts at 0 when the file is replaced, even by a longer one', async () => {
    const dir = makeTestDir('tail-replace')
    const file = join(dir, 'etcd.log')
    writeFileSync(file, 'x\n')
    const { lines } = follow(file)
    await waitUntil(() => lines.length === 1, 'first line')
    writeFileSync(join(dir, 'next'), 'replacement line one\nreplacement line two\n')
    renameSync(join(dir, 'next'), file)
    await waitUntil(() => lines.length === 3, 'the replacement')
    expect(lines).toEqual(['x', 'replacement line one', 'replacement line two'])
  })

  it('starts over when the file is deleted and created again', async () => {
    const file = join(makeTestDir('tail-delete'), 'etcd.log')
    writeFileSync(file, 'before\n')
    const { lines, errors } = follow(file)
    await waitUntil(() => lines.length === 1, 'first line')
    rmSync(file)
    await settle(120)
    writeFileSync(file, 'after\n')
    await waitUntil(() => lines.length === 2, 'the new file')
    expect(lines).toEqual(['before', 'after'])
    expect(errors).toEqual([])
  })

  it('sees appends through fs.watch without waiting for the poll', async () => {
    const file = join(makeTestDir('tail-watch'), 'etcd.log')
    writeFileSync(file, '')
    const { lines, tail } = follow(file, { pollIntervalMs: 60_000 })
    await tail.readNow()
    appendFileSync(file, 'quick\n')
    await waitUntil(() => lines.length === 1, 'a watched line', 1_000)
  })

  it('reads the bytes that arrive during a rotation from the rotated copy', async () => {
    const file = join(makeTestDir('tail-rotate'), 'etcd.log')
    writeFileSync(file, 'one\n')
    const { lines, tail } = follow(file, { pollIntervalMs: 60_000 })
    await waitUntil(() => lines.length === 1, 'first line')
    await tail.rotate(async () => {
      appendFileSync(file, 'two\nthree\n') // written after the tail's last read
      return rotateLogFile(file, 3)
    })
    expect(tail.position).toBe(0)
    appendFileSync(file, 'four\n')
    await waitUntil(() => lines.length === 4, 'all lines')
    expect(lines).toEqual(['one', 'two', 'three', 'four'])
  })

  it('calls nothing after stop()', async () => {
    const file = join(makeTestDir('tail-stop'), 'etcd.log')
    writeFileSync(file, 'a\n')
    const { lines, tail } = follow(file)
    await waitUntil(() => lines.length === 1, 'first line')
    await tail.stop()
    appendFileSync(file, 'b\n')
    await settle()
    expect(lines).toEqual(['a'])
    await tail.readNow()
    expect(lines).toEqual(['a'])
  })
})
