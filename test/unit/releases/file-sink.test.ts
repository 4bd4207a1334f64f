import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FileSink } from '../../../src/main/releases/file-sink'
import { makeTestDir } from '../../helpers/test-dirs'

const MB = 1024 * 1024

/**
 * Writes chunks of the given sizes through a sink into a file that already holds `head`, zeroing
 * each chunk after the call (the sink may only borrow it); returns the file and what it reported.
 */
async function sinkThrough(sizes: number[], head = Buffer.alloc(0)) {
  const file = join(makeTestDir('file-sink'), 'out.bin')
  const handle = await open(file, 'w')
  await handle.write(head, 0, head.length, 0)
  const positions: number[] = []
  const sink = new FileSink(
    handle,
    head.length,
    (p) => positions.push(p),
    () => undefined,
  )
  const sent: Buffer[] = [head]
  for (const size of sizes) {
    const chunk = randomBytes(size)
    sent.push(Buffer.from(chunk))
    expect(sink.write(chunk)).toBe(true)
    chunk.fill(0)
  }
  const positionsBeforeFlush = positions.length
  await sink.flush()
  await handle.close()
  return { file, positions, positionsBeforeFlush, expected: Buffer.concat(sent) }
}

describe('FileSink', () => {
  it('gathers small chunks into 1 MB writes, passes big ones through, flushes the rest', async () => {
    const sizes = [...Array<number>(40).fill(64 * 1024), 1000, 3 * MB, 5]
    const { file, positions, expected } = await sinkThrough(sizes)
    expect(readFileSync(file).equals(expected)).toBe(true)
    expect(positions[0]).toBe(MB) // sixteen 64 KB chunks make the first write
    expect(positions).toEqual([...positions].sort((a, b) => a - b))
    expect(positions.at(-1)).toBe(expected.length)
  })

  it('writes nothing before a batch fills, and everything at flush', async () => {
    const { file, positions, positionsBeforeFlush, expected } = await sinkThrough([100, 200_000])
    expect(positionsBeforeFlush).toBe(0)
    expect(positions).toEqual([200_100])
    expect(readFileSync(file).equals(expected)).toBe(true)
  })

  it('continues a resumed file at its start position', async () => {
    const head = randomBytes(4096)
    const { file, positions, expected } = await sinkThrough([100, 2 * MB], head)
    expect(readFileSync(file).equals(expected)).toBe(true)
    expect(positions.at(-1)).toBe(4096 + 100 + 2 * MB)
  })
})
