/**
 * A key's history through the contract (handleRequest → engine → real etcd): versions walked back
 * from now to the key's creation, pages, the compaction boundary, and "Restore this version" as a
 * compare-and-swap. On etcd 3.4 and 3.5.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { handleRequest } from '../../../src/main/contract/request-handlers'
import type { Engine } from '../../../src/main/engine/engine'
import type { RequestArg, RequestChannel, ResponseMap } from '../../../src/shared/contract'
import type { ErrorData } from '../../../src/shared/result'
import { findEtcdProcesses } from '../../helpers/etcd-processes'
import { freeSpec, openTestEngine, waitHealthy } from '../../helpers/engine-fixture'
import { testEtcdLines } from '../../helpers/etcd-versions'
import { text } from './key-fixtures'

/** UTF-8 bytes, typed as the contract's schemas take them. */
const bytes = (value: string) => new TextEncoder().encode(value)

describe.each(testEtcdLines())('key history on etcd $version', (etcd) => {
  let engine: Engine
  const cluster = 'hist'

  /** A request as the window sends it; throws with the error's code when it fails. */
  async function call<C extends RequestChannel>(
    channel: C,
    arg: RequestArg<C>,
  ): Promise<ResponseMap[C]> {
    const result = await handleRequest(engine, channel, arg)
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
    return result.value
  }

  /** The error of a request that must fail. */
  async function failure<C extends RequestChannel>(
    channel: C,
    arg: RequestArg<C>,
  ): Promise<ErrorData> {
    const result = await handleRequest(engine, channel, arg)
    if (result.ok) throw new Error(`${channel} succeeded: ${JSON.stringify(result.value)}`)
    return result.error
  }

  /** Puts each value in turn; answers the revision of each put. */
  async function writeVersions(key: Uint8Array<ArrayBuffer>, values: string[]): Promise<string[]> {
    const revisions: string[] = []
    for (const value of values) {
      const put = await call('keys:put', { cluster, key, value: bytes(value) })
      revisions.push(put.revision)
    }
    return revisions
  }

  beforeAll(async () => {
    engine = await openTestEngine(`key-history-${etcd.line}`, { etcdPath: etcd.etcd })
    await engine.createCluster(await freeSpec(cluster, 1))
    await waitHealthy(engine, cluster)
  })

  afterAll(async () => {
    await engine?.close()
    if (engine) expect(findEtcdProcesses(engine.layout.root)).toEqual([])
  })

  it('lists a key written 5 times as 5 versions, newest first, with their values', async () => {
    const key = bytes('hist/five')
    const revisions = await writeVersions(key, ['v1', 'v2', 'v3', 'v4', 'v5'])
    const page = await call('keys:history', { cluster, key })
    expect(page.versions.map((v) => text(v.value))).toEqual(['v5', 'v4', 'v3', 'v2', 'v1'])
    expect(page.versions.map((v) => v.modRevision)).toEqual([...revisions].reverse())
    expect(page.versions.map((v) => v.version)).toEqual(['5', '4', '3', '2', '1'])
    expect(page.createRevision).toBe(revisions[0])
    expect(page.nextRevision).toBeNull()
    expect(page.compacted).toBeNull()
  })

  it('pages: at most `limit` versions, then on from nextRevision to the creation', async () => {
    const key = bytes('hist/paged')
    const revisions = await writeVersions(key, ['a', 'b', 'c', 'd', 'e'])
    const first = await call('keys:history', { cluster, key, limit: 2 })
    expect(first.versions.map((v) => text(v.value))).toEqual(['e', 'd'])
    expect(first.nextRevision).toBe(String(Number(revisions[3]) - 1))
    const second = await call('keys:history', {
      cluster,
      key,
      limit: 2,
      revision: first.nextRevision!,
    })
    expect(second.versions.map((v) => text(v.value))).toEqual(['c', 'b'])
    const third = await call('keys:history', {
      cluster,
      key,
      limit: 2,
      revision: second.nextRevision!,
    })
    expect(third.versions.map((v) => text(v.value))).toEqual(['a'])
    expect(third.nextRevision).toBeNull()
  })

  it('shows only the current life of a key that was deleted and written again', async () => {
    const key = bytes('hist/reborn')
    await writeVersions(key, ['old-1', 'old-2'])
    await call('keys:delete', { cluster, key })
    const revisions = await writeVersions(key, ['new-1', 'new-2'])
    const page = await call('keys:history', { cluster, key })
    expect(page.versions.map((v) => text(v.value))).toEqual(['new-2', 'new-1'])
    expect(page.createRevision).toBe(revisions[0])
    expect(page.nextRevision).toBeNull()
  })

  it('keeps binary keys and values byte for byte', async () => {
    const key = new Uint8Array([0x68, 0x2f, 0xff, 0x00, 0x80])
    const older = Uint8Array.from({ length: 256 }, (_, i) => i)
    const newer = new Uint8Array([0, 0, 0xfe])
    await call('keys:put', { cluster, key, value: older })
    await call('keys:put', { cluster, key, value: newer })
    const page = await call('keys:history', { cluster, key })
    expect(page.key).toEqual(key)
    expect(page.versions.map((v) => v.value)).toEqual([newer, older])
  })

  it('refuses a missing key and a bad limit', async () => {
    expect(await failure('keys:history', { cluster, key: bytes('hist/none') })).toMatchObject({
      code: 'KEY_NOT_FOUND',
    })
    expect(
      await failure('keys:history', { cluster, key: bytes('hist/five'), limit: 0 }),
    ).toMatchObject({ code: 'INVALID_REQUEST' })
  })

  it('restores an old version as a new revision, and refuses one after another write', async () => {
    const key = bytes('hist/restore')
    const [first, , third] = await writeVersions(key, ['one', 'two', 'three'])
    const restored = await call('keys:restore', {
      cluster,
      key,
      revision: first!,
      expectModRevision: third!,
    })
    expect(BigInt(restored.revision)).toBeGreaterThan(BigInt(third!))
    const now = await call('keys:get', { cluster, key })
    expect(text(now.value!)).toBe('one')
    expect(now.modRevision).toBe(restored.revision)
    expect(now.version).toBe('4')
    const page = await call('keys:history', { cluster, key })
    expect(page.versions.map((v) => text(v.value))).toEqual(['one', 'three', 'two', 'one'])

    // Someone else writes; a restore made from the history read before that is refused.
    const [other] = await writeVersions(key, ['someone else'])
    const conflict = await failure('keys:restore', {
      cluster,
      key,
      revision: third!,
      expectModRevision: restored.revision,
    })
    expect(conflict).toMatchObject({
      code: 'KEY_CONFLICT',
      detail: { expectedModRevision: restored.revision, currentModRevision: other },
    })
    expect(text((await call('keys:get', { cluster, key })).value!)).toBe('someone else')
  })

  it('refuses to restore a revision that did not write the key', async () => {
    const key = bytes('hist/restore-bad')
    const [written] = await writeVersions(key, ['x'])
    await writeVersions(bytes('hist/elsewhere'), ['y'])
    await writeVersions(key, ['z'])
    const error = await failure('keys:restore', {
      cluster,
      key,
      revision: String(BigInt(written!) + 1n),
      expectModRevision: written!,
    })
    expect(error).toMatchObject({ code: 'INVALID_REQUEST', detail: { field: 'revision' } })
  })

  // Last: compaction removes the older history of every key in the cluster.
  it('stops at the compaction boundary and names its revision', async () => {
    const key = bytes('hist/compacted')
    const revisions = await writeVersions(key, ['c1', 'c2', 'c3', 'c4', 'c5'])
    const middle = revisions[2]!
    await call('maintenance:compact', { cluster, revision: middle })
    const page = await call('keys:history', { cluster, key })
    // The version written at the compact revision is still readable there; older ones are gone.
    expect(page.versions.map((v) => text(v.value))).toEqual(['c5', 'c4', 'c3'])
    expect(page.compacted).toEqual({ revision: middle })
    expect(page.nextRevision).toBeNull()

    const restore = await failure('keys:restore', {
      cluster,
      key,
      revision: revisions[0]!,
      expectModRevision: revisions[4]!,
    })
    expect(restore).toMatchObject({ code: 'ETCD_REQUEST_FAILED' })
    expect(restore.message).toContain('compacted')
  })
})
