import { randomUUID } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { x as extractTar } from 'tar'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { handleRequest } from '../../../src/main/contract/request-handlers'
import type { Engine } from '../../../src/main/engine/engine'
import { tlsFilesOf } from '../../../src/main/tls/tls-files'
import type { DiagnosisProgress, DiagnosisReport } from '../../../src/shared/diagnosis'
import { findEtcdProcesses } from '../../helpers/etcd-processes'
import { freeSpec, openTestEngine, waitHealthy } from '../../helpers/engine-fixture'
import { makeTestDir } from '../../helpers/test-dirs'

const ROOT_PASSWORD = 'diagnosis-root-secret-7'
const APP_VERSION = '9.8.7-diagnosis'

/** Every file under `dir`, recursively, relative to it with '/' separators. */
function filesUnder(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name)
    return e.isDirectory() ? filesUnder(full, base) : [full.slice(base.length + 1)]
  })
}

/** The bundle's files by path, read from the extracted archive (its one top folder). */
async function openBundle(archive: string): Promise<Map<string, string>> {
  const dir = makeTestDir('diagnosis-open')
  await extractTar({ file: archive, cwd: dir })
  const [top, ...others] = readdirSync(dir)
  expect(others).toEqual([])
  const root = join(dir, top ?? '')
  return new Map(filesUnder(root).map((p) => [p, readFileSync(join(root, p), 'utf8')]))
}

/** The base64 body lines of every private key of the cluster (none may reach a bundle). */
function privateKeyLines(engine: Engine, cluster: string): string[] {
  const dir = tlsFilesOf(engine.layout, cluster).dir
  return filesUnder(dir)
    .filter((p) => p.endsWith('.key'))
    .flatMap((p) => readFileSync(join(dir, p), 'utf8').split('\n'))
    .filter((line) => line.length >= 40 && !line.startsWith('-----'))
}

// A TLS cluster with authentication on, one member stopped: "Save diagnosis" as a bug report
// needs it, with every secret left out.
describe('Save diagnosis of a 3-member TLS cluster with one member stopped', () => {
  let engine: Engine
  let chosen: string | null = null
  const offered: string[] = []
  const progress: DiagnosisProgress[] = []

  beforeAll(async () => {
    engine = await openTestEngine('diagnosis', {
      appVersion: APP_VERSION,
      // The app's save dialog: answers the path the test chose (null: the user cancelled).
      chooseSavePath: (name) => {
        offered.push(name)
        return Promise.resolve(chosen)
      },
    })
    engine.diagnosis.on('progress', (p) => progress.push(p))
    await engine.createCluster({ ...(await freeSpec('diag', 3)), tls: true })
    await waitHealthy(engine, 'diag')
    await engine.auth.enable('diag', ROOT_PASSWORD)
    await engine.stopMember('diag', 'etcd3')
  })

  afterAll(async () => {
    const root = engine?.layout.root
    await engine?.close()
    if (root) expect(findEtcdProcesses(root)).toEqual([])
  })

  /** Saves a bundle to a fresh path through the contract; answers the report and its files. */
  async function saveBundle(): Promise<{ report: DiagnosisReport; files: Map<string, string> }> {
    chosen = join(makeTestDir('diagnosis-saved'), 'bundle.tar.gz')
    const answer = await handleRequest(engine, 'cluster:diagnosis', {
      cluster: 'diag',
      diagnosisId: randomUUID(),
    })
    if (!answer.ok) throw new Error(`diagnosis failed: ${answer.error.message}`)
    const report = answer.value as DiagnosisReport
    expect(report.path).toBe(chosen)
    expect(statSync(chosen).size).toBe(report.bytes)
    return { report, files: await openBundle(chosen) }
  }

  it('holds every file its manifest lists, with the sizes it lists', async () => {
    const { report, files } = await saveBundle()
    expect(offered.at(-1)).toMatch(/^diag-diagnosis-\d{8}T\d{6}Z\.tar\.gz$/)
    const manifest = JSON.parse(files.get('manifest.json') ?? '{}') as {
      files: { path: string; bytes: number }[]
    }
    const listed = manifest.files.map((f) => f.path).sort()
    expect([...files.keys()].sort()).toEqual([...listed, 'manifest.json'].sort())
    for (const f of manifest.files) expect(Buffer.byteLength(files.get(f.path) ?? '')).toBe(f.bytes)
    expect(report.files.map((f) => f.path).sort()).toEqual([...listed, 'manifest.json'].sort())
    for (const path of [
      'README.txt',
      'cluster.json',
      'certificates.json',
      'versions.json',
      'member-list.json',
      'status.json',
      'status.txt',
      'alarms.json',
      'metrics/etcd1.txt',
      'metrics/etcd2.txt',
      'logs/etcd1.log',
      'logs/etcd2.log',
      'logs/etcd3.log',
      'engine.log',
      'commands.txt',
    ]) {
      expect(listed, path).toContain(path)
    }
    // The stopped member's metrics are a note, not a failure.
    expect(listed).not.toContain('metrics/etcd3.txt')
    expect(report.notes).toContain('metrics of etcd3: not read, the member is stopped')
    expect(files.get('README.txt')).toContain('metrics of etcd3: not read, the member is stopped')
    expect(files.get('README.txt')).toMatch(/passwords .* never included/)
    // Progress counted up to the archive.
    const own = progress.filter((p) => p.cluster === 'diag')
    expect(own.at(-1)).toMatchObject({ step: 'archive', done: own.at(-1)!.total - 1 })
    expect(own).toContainEqual(expect.objectContaining({ step: 'metrics', member: 'etcd2' }))
    expect(own.map((p) => p.done)).toEqual([...own.keys()].map((i) => own[0]!.done + i))
  })

  it('names every member, shows the running ones status and the stopped one as stopped', async () => {
    const { files } = await saveBundle()
    const list = JSON.parse(files.get('member-list.json') ?? '[]') as { name: string }[]
    expect(list.map((m) => m.name).sort()).toEqual(['etcd1', 'etcd2', 'etcd3'])
    const status = JSON.parse(files.get('status.json') ?? '{}') as {
      members: { member: string; state: string; status: { id: string; version: string } | null }[]
    }
    const byName = new Map(status.members.map((m) => [m.member, m]))
    for (const name of ['etcd1', 'etcd2']) {
      expect(byName.get(name)).toMatchObject({ state: 'running', status: { healthy: true } })
      expect(byName.get(name)?.status?.id).toMatch(/^[0-9a-f]+$/)
    }
    expect(byName.get('etcd3')).toMatchObject({ state: 'stopped', status: null })
    expect(files.get('status.txt')).toMatch(/\| etcd3 +\| stopped +\|/)
    expect(JSON.parse(files.get('alarms.json') ?? 'null')).toEqual([])
    const versions = JSON.parse(files.get('versions.json') ?? '{}') as Record<string, unknown>
    expect(versions).toMatchObject({ app: APP_VERSION, etcdctl: { output: /etcdctl version/ } })
    const certs = JSON.parse(files.get('certificates.json') ?? '[]') as { notAfter: string }[]
    expect(certs.length).toBeGreaterThan(3)
    expect(certs.every((c) => !Number.isNaN(Date.parse(c.notAfter)))).toBe(true)
  })

  it('holds a metrics sample, member logs, the engine log and the etcdctl commands', async () => {
    const { files } = await saveBundle()
    for (const name of ['etcd1', 'etcd2']) {
      expect(files.get(`metrics/${name}.txt`)).toMatch(/^etcd_server_has_leader 1$/m)
    }
    for (const name of ['etcd1', 'etcd2', 'etcd3']) {
      const lines = (files.get(`logs/${name}.log`) ?? '').trimEnd().split('\n')
      expect(lines.length).toBeGreaterThan(5)
      expect(lines.length).toBeLessThanOrEqual(1_000)
      expect(lines.at(-1)).toContain('"msg"')
    }
    expect(files.get('engine.log')).toContain('"msg":"engine opened"')
    const commands = files.get('commands.txt') ?? ''
    const urls = engine.getCluster('diag').members.map((m) => m.clientUrl)
    const endpoints = `--endpoints=${urls.join(',')}`
    const tls = tlsFilesOf(engine.layout, 'diag')
    for (const args of [
      'member list -w table',
      'endpoint status -w table',
      'endpoint health -w table',
      'alarm list',
    ]) {
      const line = commands.split('\n').find((l) => l.endsWith(args))
      expect(line, args).toContain(endpoints)
      expect(line, args).toContain(`--cacert=${tls.ca}`)
      expect(line, args).toContain('--user=root')
    }
  })

  it('leaves out every private key and password', async () => {
    const { files } = await saveBundle()
    const keyLines = privateKeyLines(engine, 'diag')
    expect(keyLines.length).toBeGreaterThan(5)
    for (const [path, text] of files) {
      expect(text, path).not.toContain('PRIVATE KEY')
      expect(text, path).not.toContain(ROOT_PASSWORD)
      for (const line of keyLines) expect(text.includes(line), path).toBe(false)
    }
  })

  it('refuses a second diagnosis of the cluster while one runs', async () => {
    chosen = join(makeTestDir('diagnosis-twice'), 'bundle.tar.gz')
    const first = engine.diagnosis.save('diag', randomUUID())
    const second = await handleRequest(engine, 'cluster:diagnosis', {
      cluster: 'diag',
      diagnosisId: randomUUID(),
    })
    expect(second).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST', message: /already being saved/ },
    })
    expect(await first).toMatchObject({ path: chosen })
  })

  it('answers null and writes nothing when the save dialog is cancelled', async () => {
    chosen = null
    const answer = await handleRequest(engine, 'cluster:diagnosis', {
      cluster: 'diag',
      diagnosisId: randomUUID(),
    })
    expect(answer).toEqual({ ok: true, value: null })
    const missing = await handleRequest(engine, 'cluster:diagnosis', {
      cluster: 'nope',
      diagnosisId: randomUUID(),
    })
    expect(missing).toMatchObject({ ok: false, error: { code: 'CLUSTER_NOT_FOUND' } })
  })

  it('still saves a bundle of a stopped cluster: every member says stopped', async () => {
    await engine.stopCluster('diag')
    const { report, files } = await saveBundle()
    const status = JSON.parse(files.get('status.json') ?? '{}') as {
      members: { state: string }[]
    }
    expect(status.members.map((m) => m.state)).toEqual(['stopped', 'stopped', 'stopped'])
    expect(report.notes).toEqual(
      expect.arrayContaining([
        'member list: no running member answered',
        expect.stringMatching(/^alarms: not read .*not running/),
      ]),
    )
    expect(files.get('logs/etcd1.log')?.length).toBeGreaterThan(0)
    expect(existsSync(join(engine.layout.root, 'diagnosis'))).toBe(false)
  })
})
