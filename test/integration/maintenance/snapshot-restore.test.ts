import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, truncateSync } from 'node:fs'
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Engine } from '../../../src/main/engine/engine'
import { findEtcdProcesses } from '../../helpers/etcd-processes'
import { etcdctl, freeSpec, openTestEngine, waitHealthy } from '../../helpers/engine-fixture'
import { testEtcdLines } from '../../helpers/etcd-versions'
import { seedKeys } from '../keys/key-fixtures'

const execFileAsync = promisify(execFile)
/** What `etcdctl member list -w json` prints (the parts read here). */
type MemberList = { header: { cluster_id: number }; members: { name: string }[] }
const text = (s: string): Uint8Array => new TextEncoder().encode(s)
const decode = (b: Uint8Array | null): string => new TextDecoder().decode(b ?? new Uint8Array())

// One engine per etcd line: save a snapshot of a 3-member cluster, restore it into a new one.
describe.each(testEtcdLines())('snapshots on etcd $version', (etcd) => {
  let engine: Engine
  let snapshotId = ''

  beforeAll(async () => {
    engine = await openTestEngine(`snap-${etcd.line}`, { etcdPath: etcd.etcd })
    await engine.createCluster(await freeSpec('source', 3))
    await waitHealthy(engine, 'source')
    await seedKeys(
      engine.getCluster('source').members[0]!.clientUrl,
      Array.from({ length: 300 }, (_, i) => [`/app/key-${String(i).padStart(3, '0')}`, `v${i}`]),
    )
    await engine.keys.put('source', text('/greeting'), text('hello from the source'))
  })

  afterAll(async () => {
    await engine?.close()
    expect(findEtcdProcesses(engine.layout.root)).toEqual([])
  })

  it('saves a snapshot of one member into the data directory with its metadata', async () => {
    const info = await engine.maintenance.saveSnapshot('source', 'etcd2')
    snapshotId = info.id
    expect(info).toMatchObject({ cluster: 'source', member: 'etcd2', etcdVersion: etcd.version })
    expect(info.file).toBe(join(engine.layout.root, 'snapshots', info.id))
    expect(info.bytes).toBe(statSync(info.file).size)
    expect(Number(info.revision)).toBeGreaterThan(1)
    const metadata = JSON.parse(readFileSync(info.file.replace(/\.db$/, '.json'), 'utf8'))
    expect(metadata).toMatchObject({ cluster: 'source', member: 'etcd2', revision: info.revision })
    expect(await engine.maintenance.snapshots()).toEqual([info])
    const report = engine.getCluster('source').lastOperation
    // No write probe was started for it: its keys would have been in the snapshot.
    expect(report).toMatchObject({ kind: 'snapshot-save', isSuccess: true, probe: null })
    expect(engine.probes.resources('source')).toBeNull()
    // etcd's own tool agrees that the file is a whole snapshot.
    const tool = etcd.line === '3.4' ? etcd.etcdctl : join(etcd.etcd, '..', 'etcdutl')
    const status = await execTool(tool, ['snapshot', 'status', info.file, '-w', 'json'])
    expect(JSON.parse(status)).toMatchObject({ revision: Number(info.revision) })
  })

  it('restores it into a new 3-member cluster with the same keys', async () => {
    const spec = { ...(await freeSpec('restored', 3)), fromSnapshot: snapshotId }
    const view = await engine.createCluster(spec)
    expect(view.state).toBe('running')
    await waitHealthy(engine, 'restored')
    const entry = await engine.keys.get('restored', text('/greeting'))
    expect(decode(entry.value)).toBe('hello from the source')
    expect(await engine.keys.count('restored', text('/app/'))).toBe(300)
    // A new cluster: its own token and member ids, not the source's.
    const memberList = async (cluster: string): Promise<MemberList> =>
      JSON.parse(
        await etcdctl(engine.getCluster(cluster), ['member', 'list', '-w', 'json'], etcd.etcdctl),
      ) as MemberList
    const [members, source] = [await memberList('restored'), await memberList('source')]
    expect(members.header.cluster_id).not.toBe(source.header.cluster_id)
    expect(members.members.map((m) => m.name).sort()).toEqual(['etcd1', 'etcd2', 'etcd3'])
    const report = engine.getCluster('restored').lastOperation
    expect(report).toMatchObject({ kind: 'create', isSuccess: true })
    const tool = etcd.line === '3.4' ? 'etcdctl snapshot restore' : 'etcdutl snapshot restore'
    expect(report?.steps.filter((s) => s.includes(tool))).toHaveLength(3)
    expect(report?.steps.at(-1)).toMatch(/^301 keys at revision \d+ \(the snapshot was saved/)
    await engine.deleteCluster('restored', { stopFirst: true })
  })

  it('refuses a restore into a data dir that exists, and saves nothing', async () => {
    const spec = { ...(await freeSpec('blocked', 1)), fromSnapshot: snapshotId }
    const dataDir = engine.layout.memberDataDir('blocked', 'etcd1')
    mkdirSync(dataDir, { recursive: true })
    await expect(engine.createCluster(spec)).rejects.toMatchObject({
      code: 'RESTORE_TARGET_NOT_EMPTY',
      detail: { path: dataDir },
    })
    expect(engine.listClusters().map((c) => c.definition.name)).toEqual(['source'])
    expect(existsSync(engine.layout.clusterFile('blocked'))).toBe(false)
  })

  it('refuses a truncated snapshot with SNAPSHOT_INVALID naming it', async () => {
    const dir = join(engine.layout.root, 'snapshots')
    const broken = 'broken-copy.db'
    copyFileSync(join(dir, snapshotId), join(dir, broken))
    truncateSync(join(dir, broken), statSync(join(dir, broken)).size - 1000)
    const spec = { ...(await freeSpec('from-broken', 1)), fromSnapshot: broken }
    await expect(engine.createCluster(spec)).rejects.toMatchObject({
      code: 'SNAPSHOT_INVALID',
      message: expect.stringContaining(broken),
      detail: { id: broken },
    })
    expect(engine.listClusters().map((c) => c.definition.name)).toEqual(['source'])
    // A file listed without metadata (copied in by hand) is still shown, and can be deleted.
    expect((await engine.maintenance.snapshots()).map((s) => s.id).sort()).toEqual(
      [broken, snapshotId].sort(),
    )
    await engine.maintenance.deleteSnapshot(broken)
    await expect(engine.maintenance.deleteSnapshot(broken)).rejects.toMatchObject({
      code: 'SNAPSHOT_NOT_FOUND',
    })
  })

  it('refuses a snapshot that does not exist', async () => {
    const spec = { ...(await freeSpec('from-nothing', 1)), fromSnapshot: 'nothing.db' }
    await expect(engine.createCluster(spec)).rejects.toMatchObject({
      code: 'SNAPSHOT_NOT_FOUND',
      detail: { id: 'nothing.db' },
    })
  })

  it('refuses a save-a-copy without a save dialog (browser mode)', async () => {
    await expect(engine.maintenance.exportSnapshot(snapshotId)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    })
  })
})

async function execTool(tool: string, args: string[]): Promise<string> {
  const { stdout } = await execFileAsync(tool, args, { env: { ...process.env, ETCDCTL_API: '3' } })
  return stdout
}
