import { closeSync, existsSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { rotateLogFile, rotatedLogPath } from '../../../src/main/logs/log-rotation'
import { makeTestDir } from '../../helpers/test-dirs'

const read = (path: string) => readFileSync(path, 'utf8')

describe('rotateLogFile', () => {
  it('copies the content to .1 and truncates the original', async () => {
    const file = join(makeTestDir('rotate-basic'), 'etcd.log')
    writeFileSync(file, 'a\nb\n')
    const result = await rotateLogFile(file, 3)
    expect(result).toEqual({ truncatedBytes: 4, rotatedFile: `${file}.1` })
    expect(read(`${file}.1`)).toBe('a\nb\n')
    expect(read(file)).toBe('')
  })

  it('shifts older copies and keeps at most `keep` of them', async () => {
    const file = join(makeTestDir('rotate-shift'), 'etcd.log')
    for (const content of ['1\n', '2\n', '3\n', '4\n']) {
      writeFileSync(file, content, { flag: 'a' })
      await rotateLogFile(file, 3)
    }
    expect(read(rotatedLogPath(file, 1))).toBe('4\n')
    expect(read(rotatedLogPath(file, 2))).toBe('3\n')
    expect(read(rotatedLogPath(file, 3))).toBe('2\n')
    expect(existsSync(rotatedLogPath(file, 4))).toBe(false)
  })

  it('does nothing for a missing or empty file', async () => {
    const file = join(makeTestDir('rotate-empty'), 'etcd.log')
    expect(await rotateLogFile(file, 3)).toBeNull()
    writeFileSync(file, '')
    expect(await rotateLogFile(file, 3)).toBeNull()
    expect(existsSync(`${file}.1`)).toBe(false)
  })

  it('only truncates when keep is 0', async () => {
    const file = join(makeTestDir('rotate-keep0'), 'etcd.log')
    writeFileSync(file, 'abc\n')
    expect(await rotateLogFile(file, 0)).toEqual({ truncatedBytes: 4, rotatedFile: null })
    expect(read(file)).toBe('')
    expect(existsSync(`${file}.1`)).toBe(false)
  })

  it('lets an O_APPEND writer continue at the start of the truncated file (no zero gap)', async () => {
    const file = join(makeTestDir('rotate-append'), 'etcd.log')
    const fd = openSync(file, 'a')
    try {
      writeSync(fd, 'before rotation\n')
      await rotateLogFile(file, 1)
      writeSync(fd, 'after\n')
    } finally {
      closeSync(fd)
    }
    expect(read(file)).toBe('after\n')
    expect(read(`${file}.1`)).toBe('before rotation\n')
  })

  it('loses no line of a writer that keeps appending during rotations', async () => {
    const file = join(makeTestDir('rotate-concurrent'), 'etcd.log')
    const fd = openSync(file, 'a')
    const written: string[] = []
    // Why a 1 ms interval: writes land between every step of the asynchronous copy.
    const writer = setInterval(() => {
      for (let i = 0; i < 20; i++) {
        const line = `{"n":${written.length},"msg":"${'x'.repeat(200)}"}`
        written.push(line)
        writeSync(fd, line + '\n')
      }
    }, 1)
    try {
      for (let round = 0; round < 15; round++) {
        const before = written.length
        // The writer adds lines between rotations.
        await vi.waitFor(() => expect(written.length).toBeGreaterThan(before), { interval: 1 })
        await rotateLogFile(file, 100)
      }
    } finally {
      clearInterval(writer)
      closeSync(fd)
    }
    let all = ''
    for (let n = 100; n >= 1; n--) {
      const path = rotatedLogPath(file, n)
      if (existsSync(path)) all += read(path)
    }
    all += read(file)
    expect(all).toBe(written.map((l) => l + '\n').join(''))
    expect(written.length).toBeGreaterThan(100)
  })
})
