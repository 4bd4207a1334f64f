/**
 * Export then import between two real clusters (etcd 3.4 → etcd 3.5, one engine each): binary
 * keys and values byte for byte, the preview's counts, skip / overwrite / compare-and-swap, dry
 * run, leases, progress and cancel.
 */
import { randomBytes, randomUUID } from 'node:crypto'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Engine } from '../../../src/main/engine/engine'
import type { ImportRequest } from '../../../src/main/engine/cluster-transfers'
import type { ExportHeader, TransferProgress } from '../../../src/shared/transfer'
import { findEtcdProcesses } from '../../helpers/etcd-processes'
import { freeSpec, openTestEngine, waitHealthy } from '../../helpers/engine-fixture'
import { etcd35, systemTestEtcd } from '../../helpers/etcd-versions'
import { seedKeys } from '../keys/key-fixtures'

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s)
const join8 = (...parts: (string | number[] | Uint8Array)[]): Uint8Array =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))))

/** Every key of the round trip: binary keys (0x00, 0xff), empty, binary and 1 MiB values. */
const KEYS: [Uint8Array, Uint8Array][] = [
  [bytes('rt/plain'), bytes('hello')],
  [join8('rt/', [0x00, 0xff, 0x01]), join8([0xff, 0x00, 0xfe])],
  [join8('rt/', [0xff, 0xff]), Uint8Array.from({ length: 256 }, (_, i) => i)],
  [bytes('rt/empty'), new Uint8Array()],
  [bytes('rt/big'), randomBytes(1024 * 1024)],
  [bytes('rt/ü/€'), bytes('utf-8 ✓')],
]

describe('export and import between clusters (etcd 3.4 → 3.5)', () => {
  let source: Engine
  let target: Engine
  let exported: string
  const progress: TransferProgress[] = []

  const importInto = (request: Omit<ImportRequest, 'transferId'>) =>
    target.transfers.import('target', { transferId: randomUUID(), ...request })
  const preview = (fileId: string) =>
    target.transfers.preview('target', { transferId: randomUUID(), fileId })
  const valueOn = async (engine: Engine, cluster: string, key: Uint8Array) =>
    Buffer.from((await engine.keys.get(cluster, key)).value ?? [])

  beforeAll(async () => {
    source = await openTestEngine('transfer-source', { etcdPath: systemTestEtcd().etcd })
    target = await openTestEngine('transfer-target', { etcdPath: etcd35().etcd })
    await source.createCluster(await freeSpec('source', 1))
    await target.createCluster(await freeSpec('target', 1))
    await waitHealthy(source, 'source')
    await waitHealthy(target, 'target')
    for (const [key, value] of KEYS) await source.keys.put('source', key, value)
    const lease = await source.leases.grant('source', 600)
    await source.leases.attach('source', lease.id, bytes('rt/leased'), bytes('with a lease'))
    await source.keys.put('source', bytes('rs/outside'), bytes('not under the prefix'))
    target.transfers.on('progress', (p) => progress.push(p))
    source.transfers.on('progress', (p) => progress.push(p))
  })

  afterAll(async () => {
    for (const engine of [source, target]) {
      await engine?.close()
      if (engine) expect(findEtcdProcesses(engine.layout.root)).toEqual([])
    }
  })

  it('exports a prefix at one revision: a header line, then one base64 line per key', async () => {
    const transferId = randomUUID()
    const report = await source.transfers.export('source', {
      transferId,
      prefix: bytes('rt/'),
      withLeases: true,
      withRevisions: true,
    })
    expect(report).toMatchObject({ cluster: 'source', keys: KEYS.length + 1, path: null })
    exported = join(source.transfers.files.exportsDir, report?.fileName ?? '')
    const lines = readFileSync(exported, 'utf8').trimEnd().split('\n')
    const header = JSON.parse(lines[0] ?? '') as ExportHeader
    expect(header).toMatchObject({
      format: 'etcd-desk-export',
      version: 1,
      cluster: 'source',
      revision: report?.revision,
      prefix: Buffer.from('rt/').toString('base64'),
      count: KEYS.length + 1,
    })
    const rows = lines.slice(1).map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(rows).toHaveLength(KEYS.length + 1)
    const leased = rows.find((r) => r.key === Buffer.from('rt/leased').toString('base64'))
    expect(leased?.lease).toMatchObject({ ttl: expect.any(Number) })
    expect(rows.every((r) => typeof r.modRevision === 'string')).toBe(true)
    const mine = progress.filter((p) => p.transferId === transferId)
    expect(mine.at(-1)).toMatchObject({ kind: 'export', done: KEYS.length + 1 })
    expect(readdirSync(source.transfers.files.exportsDir).some((n) => n.endsWith('.partial'))).toBe(
      false,
    )
  })

  it('imports into another cluster byte for byte, leases included', async () => {
    const file = await target.transfers.files.register(exported)
    expect(file.header.count).toBe(KEYS.length + 1)
    const counted = await preview(file.fileId)
    expect(counted).toMatchObject({ created: KEYS.length + 1, changed: 0, unchanged: 0 })
    expect(counted.withLease).toBe(1)
    const report = await importInto({
      fileId: file.fileId,
      existing: 'overwrite',
      dryRun: false,
      previewRevision: counted.revision,
    })
    expect(report).toMatchObject({ created: KEYS.length + 1, updated: 0, leasesGranted: 1 })
    for (const [key, value] of KEYS) {
      expect((await valueOn(target, 'target', key)).equals(Buffer.from(value))).toBe(true)
    }
    const leased = await target.keys.get('target', bytes('rt/leased'))
    expect(leased.lease).not.toBe('0')
    const lease = await target.leases.get('target', leased.lease)
    expect(lease.ttl).toBeGreaterThan(500)
    await expect(target.keys.get('target', bytes('rs/outside'))).rejects.toMatchObject({
      code: 'KEY_NOT_FOUND',
    })
  })

  it('previews new / changed / unchanged, and a dry run writes nothing', async () => {
    const file = await target.transfers.files.register(exported)
    await target.keys.put('target', bytes('rt/plain'), bytes('changed on target'))
    await target.keys.delete('target', bytes('rt/empty'))
    const counted = await preview(file.fileId)
    expect(counted).toMatchObject({ total: 7, created: 1, changed: 1, unchanged: 5 })

    const before = await target.keys.list('target', { prefix: bytes('') })
    const dry = await importInto({
      fileId: file.fileId,
      existing: 'overwrite',
      dryRun: true,
      previewRevision: counted.revision,
    })
    expect(dry).toMatchObject({ dryRun: true, created: 1, updated: 1, unchanged: 5 })
    const after = await target.keys.list('target', { prefix: bytes('') })
    expect(after.revision).toBe(before.revision)
    expect((await valueOn(target, 'target', bytes('rt/plain'))).toString()).toBe(
      'changed on target',
    )
  })

  it('skip leaves changed keys alone and adds missing ones; overwrite replaces them', async () => {
    const file = await target.transfers.files.register(exported)
    const counted = await preview(file.fileId)
    const skipped = await importInto({
      fileId: file.fileId,
      existing: 'skip',
      dryRun: false,
      previewRevision: counted.revision,
    })
    expect(skipped).toMatchObject({ created: 1, skipped: 1, unchanged: 5, updated: 0 })
    expect((await valueOn(target, 'target', bytes('rt/plain'))).toString()).toBe(
      'changed on target',
    )
    expect((await valueOn(target, 'target', bytes('rt/empty'))).length).toBe(0)

    const overwritten = await importInto({
      fileId: file.fileId,
      existing: 'overwrite',
      dryRun: false,
      previewRevision: counted.revision,
    })
    expect(overwritten).toMatchObject({ created: 0, updated: 1, unchanged: 6 })
    expect((await valueOn(target, 'target', bytes('rt/plain'))).toString()).toBe('hello')
  })

  it('compare-and-swap writes keys unchanged since the preview and counts the others', async () => {
    const file = await target.transfers.files.register(exported)
    await target.keys.put('target', bytes('rt/plain'), bytes('changed before the preview'))
    await target.keys.put('target', bytes('rt/ü/€'), bytes('changed before the preview'))
    const counted = await preview(file.fileId)
    expect(counted.changed).toBe(2)
    // After the preview: this key must not be overwritten.
    await target.keys.put('target', bytes('rt/ü/€'), bytes('changed after the preview'))
    const report = await importInto({
      fileId: file.fileId,
      existing: 'cas',
      dryRun: false,
      previewRevision: counted.revision,
    })
    expect(report).toMatchObject({ updated: 1, conflicts: 1, unchanged: 5 })
    expect((await valueOn(target, 'target', bytes('rt/plain'))).toString()).toBe('hello')
    expect((await valueOn(target, 'target', bytes('rt/ü/€'))).toString()).toBe(
      'changed after the preview',
    )
  })

  it('cancels an export: TRANSFER_CANCELLED and no file left behind', async () => {
    await seedKeys(
      source.getCluster('source').members[0]?.clientUrl ?? '',
      Array.from({ length: 3000 }, (_, i) => [`many/${i}`, 'x'] as [string, string]),
    )
    const transferId = randomUUID()
    const files = () => readdirSync(source.transfers.files.exportsDir)
    const before = files()
    // The first progress (0 keys done) is pushed before the first page is read.
    const cancelOnFirst = (p: TransferProgress) => {
      if (p.transferId === transferId) source.transfers.cancel(transferId)
    }
    source.transfers.on('progress', cancelOnFirst)
    await expect(
      source.transfers.export('source', { transferId, prefix: bytes('many/') }),
    ).rejects.toMatchObject({ code: 'TRANSFER_CANCELLED' })
    source.transfers.off('progress', cancelOnFirst)
    expect(files()).toEqual(before)
  })

  it('refuses a file that is not an export, naming the line', async () => {
    const bad = join(target.layout.root, 'not-an-export.jsonl')
    writeFileSync(bad, '{"hello":"world"}\n')
    await expect(target.transfers.files.register(bad)).rejects.toMatchObject({
      code: 'IMPORT_FILE_INVALID',
      detail: { line: 1 },
    })
  })
})
