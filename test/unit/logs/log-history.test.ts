import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readLogHistory } from '../../../src/main/logs/log-history'
import { makeTestDir } from '../../helpers/test-dirs'

const numbered = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `line ${from + i}`)

describe('readLogHistory', () => {
  it('returns nothing for a missing file', async () => {
    const file = join(makeTestDir('history-missing'), 'etcd.log')
    expect(await readLogHistory(file, { maxLines: 10 })).toEqual({ lines: [], endOffset: 0 })
  })

  it('returns the last maxLines lines and the offset after the last newline', async () => {
    const file = join(makeTestDir('history-lines'), 'etcd.log')
    const text = numbered(1, 20).join('\n') + '\n'
    writeFileSync(file, text)
    const history = await readLogHistory(file, { maxLines: 5 })
    expect(history.lines).toEqual(numbered(16, 20))
    expect(history.endOffset).toBe(Buffer.byteLength(text))
  })

  it('leaves a last line without newline for the tail', async () => {
    const file = join(makeTestDir('history-partial'), 'etcd.log')
    writeFileSync(file, 'done\nhalf')
    expect(await readLogHistory(file, { maxLines: 10 })).toEqual({ lines: ['done'], endOffset: 5 })
  })

  it('drops the first line cut by the byte limit', async () => {
    const file = join(makeTestDir('history-bytes'), 'etcd.log')
    writeFileSync(file, 'aaaaaaaaaa\nbbb\nccc\n')
    const history = await readLogHistory(file, { maxLines: 10, maxBytes: 10 })
    expect(history.lines).toEqual(['bbb', 'ccc'])
    expect(history.endOffset).toBe(19)
  })

  it('puts the tail of etcd.log.1 first when etcd.log is short', async () => {
    const file = join(makeTestDir('history-rotated'), 'etcd.log')
    writeFileSync(`${file}.1`, numbered(1, 10).join('\n') + '\n')
    writeFileSync(file, numbered(11, 12).join('\n') + '\n')
    const history = await readLogHistory(file, { maxLines: 5 })
    expect(history.lines).toEqual(numbered(8, 12))
    expect(history.endOffset).toBe(Buffer.byteLength('line 11\nline 12\n'))
  })

  it('does not read etcd.log.1 when etcd.log has enough lines', async () => {
    const file = join(makeTestDir('history-enough'), 'etcd.log')
    writeFileSync(`${file}.1`, 'older\n')
    writeFileSync(file, numbered(1, 3).join('\n') + '\n')
    expect((await readLogHistory(file, { maxLines: 3 })).lines).toEqual(numbered(1, 3))
  })
})
