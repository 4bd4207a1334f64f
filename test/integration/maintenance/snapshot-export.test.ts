import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { handleRequest } from '../../../src/main/contract/request-handlers'
import type { Engine } from '../../../src/main/engine/engine'
import { openTestEngine } from '../../helpers/engine-fixture'
import { makeTestDir } from '../../helpers/test-dirs'

const ID = 'demo-etcd1-20261201-072720.db'
const content = Buffer.from('snapshot bytes')
let engine: Engine | null = null

afterEach(async () => {
  await engine?.close()
  engine = null
})

/** An engine whose "save dialog" answers `choose`, with one saved snapshot file. */
async function engineChoosing(choose: (name: string) => string | null): Promise<Engine> {
  engine = await openTestEngine('snapshot-export', {
    chooseSavePath: (name) => Promise.resolve(choose(name)),
  })
  mkdirSync(engine.layout.snapshotsDir, { recursive: true })
  writeFileSync(join(engine.layout.snapshotsDir, ID), content)
  return engine
}

describe('Save a copy… (the desktop app)', () => {
  it('copies the snapshot where the user chose, offering its name', async () => {
    const target = join(makeTestDir('snapshot-copy'), 'my-backup.db')
    let offered = ''
    const opened = await engineChoosing((name) => {
      offered = name
      return target
    })
    const answer = await handleRequest(opened, 'maintenance:snapshot-export', { id: ID })
    expect(answer).toEqual({ ok: true, value: { path: target } })
    expect(offered).toBe(ID)
    expect(readFileSync(target)).toEqual(content)
  })

  it('answers null when the user cancels, and names a snapshot that does not exist', async () => {
    const opened = await engineChoosing(() => null)
    expect(await handleRequest(opened, 'maintenance:snapshot-export', { id: ID })).toEqual({
      ok: true,
      value: null,
    })
    const missing = await handleRequest(opened, 'maintenance:snapshot-export', { id: 'gone.db' })
    expect(missing).toMatchObject({
      ok: false,
      error: { code: 'SNAPSHOT_NOT_FOUND', detail: { id: 'gone.db' } },
    })
  })

  it('refuses ids that are not snapshot names before anything runs', async () => {
    const opened = await engineChoosing(() => null)
    const answer = await handleRequest(opened, 'maintenance:snapshot-export', {
      id: '../engine.log',
    })
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } })
  })
})
