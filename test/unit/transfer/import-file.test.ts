/**
 * Reading import files without etcd: the header and key lines are checked with errors naming the
 * line, batches stay bounded and never hold a key twice, and an endless line is refused.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { keyLine, jsonLine } from '../../../src/main/transfer/export-format'
import { importBatches, readImportHeader } from '../../../src/main/transfer/import-batches'
import { readLines } from '../../../src/main/transfer/jsonl-lines'
import type { ExportHeader } from '../../../src/shared/transfer'
import { makeTestDir } from '../../helpers/test-dirs'

const header: ExportHeader = {
  format: 'etcd-desk-export',
  version: 1,
  cluster: 'demo',
  revision: '42',
  prefix: '',
  count: 3,
  exportedAt: '2026-12-01T00:00:00.000Z',
}
const bytes = (s: string): Uint8Array => new TextEncoder().encode(s)

function file(content: string): string {
  const path = join(makeTestDir('import-file'), 'f.jsonl')
  writeFileSync(path, content)
  return path
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const item of items) out.push(item)
  return out
}

describe('import files', () => {
  it('round-trips binary keys and values through a key line', async () => {
    const key = Uint8Array.from([0x00, 0xff, 0x2f, 0x0a])
    const value = Uint8Array.from({ length: 256 }, (_, i) => i)
    const path = file(jsonLine(header) + keyLine(key, value) + keyLine(bytes('e'), bytes('')))
    const batches = await collect(importBatches(path, 'f.jsonl', { maxKeys: 10, maxBytes: 1e6 }))
    expect(batches).toHaveLength(1)
    expect(batches[0]?.[0]).toMatchObject({ key, value, line: 2 })
    expect(batches[0]?.[1]?.value).toEqual(new Uint8Array())
    expect(await readImportHeader(path, 'f.jsonl')).toEqual(header)
  })

  it('bounds batches by keys and bytes and never repeats a key in one batch', async () => {
    const lines = [
      keyLine(bytes('a'), bytes('1')),
      keyLine(bytes('b'), bytes('2')),
      keyLine(bytes('a'), bytes('3')),
      keyLine(bytes('c'), new Uint8Array(100)),
      keyLine(bytes('d'), bytes('5')),
    ]
    const path = file(jsonLine(header) + lines.join(''))
    const batches = await collect(importBatches(path, 'f.jsonl', { maxKeys: 3, maxBytes: 50 }))
    const keys = batches.map((b) => b.map((e) => new TextDecoder().decode(e.key)))
    expect(keys).toEqual([['a', 'b'], ['a'], ['c'], ['d']])
  })

  it('names the line of what is wrong', async () => {
    const cases: [string, RegExp][] = [
      ['', /line 1: the file is empty/],
      ['{"hello":1}\n', /line 1: not an etcd Desk export header/],
      [`${jsonLine({ ...header, version: 2 })}`, /format version 2 is newer/],
      [`${jsonLine(header)}\nnot json\n`, /line 3: not a JSON object/],
      [`${jsonLine(header)}{"key":"a$$","value":""}\n`, /line 2: key is not base64/],
      [`${jsonLine(header)}{"key":"","value":""}\n`, /line 2: key/],
    ]
    for (const [content, message] of cases) {
      const path = file(content)
      await expect(
        collect(importBatches(path, 'f.jsonl', { maxKeys: 5, maxBytes: 1e6 })),
      ).rejects.toMatchObject({ code: 'IMPORT_FILE_INVALID', message })
    }
  })

  it('refuses a line longer than the bound instead of growing a buffer', async () => {
    const path = file(`short\n${'x'.repeat(5000)}\n`)
    await expect(collect(readLines(path, 'f.jsonl', 1000))).rejects.toMatchObject({
      code: 'IMPORT_FILE_INVALID',
      detail: { line: 2, reason: 'line too long' },
    })
  })
})
