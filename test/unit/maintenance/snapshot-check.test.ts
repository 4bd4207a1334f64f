import { createHash } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { verifySnapshotFile } from '../../../src/main/maintenance/snapshot-check'
import { makeTestDir } from '../../helpers/test-dirs'

/** A file shaped like etcd's snapshot: one bbolt page with its magic, then its SHA-256. */
function snapshotBytes(): Buffer {
  const page = Buffer.alloc(4096)
  page.writeUInt32LE(0xed0cdaed, 16)
  return Buffer.concat([page, createHash('sha256').update(page).digest()])
}

function fileWith(bytes: Buffer): string {
  const file = join(makeTestDir('snapshot-check'), 'a.db')
  writeFileSync(file, bytes)
  return file
}

describe('snapshot check', () => {
  it('accepts a database followed by its SHA-256', async () => {
    await expect(verifySnapshotFile('a.db', fileWith(snapshotBytes()))).resolves.toBeUndefined()
  })

  it('refuses a truncated file, a foreign file and a damaged one, naming the snapshot', async () => {
    const whole = snapshotBytes()
    const damaged = Buffer.from(whole)
    damaged[100] = 1
    const foreign = Buffer.from(whole)
    foreign.writeUInt32LE(0x12345678, 16)
    const cases: [Buffer, RegExp][] = [
      [whole.subarray(0, whole.length - 10), /size .* \(truncated/],
      [foreign, /not an etcd \(bbolt\) database/],
      [damaged, /SHA-256 does not match/],
    ]
    for (const [bytes, reason] of cases) {
      await expect(verifySnapshotFile('a.db', fileWith(bytes))).rejects.toMatchObject({
        code: 'SNAPSHOT_INVALID',
        message: expect.stringMatching(/^Snapshot a\.db cannot be restored: /),
        detail: { id: 'a.db', reason: expect.stringMatching(reason) },
      })
    }
  })
})
