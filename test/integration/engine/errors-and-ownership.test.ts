import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:net'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { Engine } from '../../../src/main/engine/engine'
import { findEtcdProcesses } from '../../helpers/etcd-processes'
import { freeSpec, openTestEngine, waitFor } from '../../helpers/engine-fixture'
import { startReleaseServer } from '../../helpers/release-server'
import { makeTestDir, TEST_ROOT } from '../../helpers/test-dirs'

const engines: Engine[] = []
async function engineFor(label: string, options = {}): Promise<Engine> {
  const engine = await openTestEngine(label, options)
  engines.push(engine)
  return engine
}

afterEach(async () => {
  await Promise.all(engines.splice(0).map((e) => e.close()))
})

afterAll(() => {
  expect(findEtcdProcesses(join(TEST_ROOT, 'errors-'))).toEqual([])
})

describe('a 1-member cluster', () => {
  it('starts, serves, stops and is deleted with only its own folder', async () => {
    const engine = await engineFor('errors-single')
    const spec = await freeSpec('solo', 1)
    const view = await engine.createCluster(spec)
    expect(view.state).toBe('running')
    const lines = await waitFor(
      () => engine.getLogs('solo', 'etcd1'),
      (l) => l.length > 0,
    )
    expect(lines.length).toBeGreaterThan(0)
    expect(lines.some((l) => l.level === 'info')).toBe(true)
    await engine.stopCluster('solo')
    const neighbour = join(engine.layout.clustersDir, 'not-ours.txt')
    writeFileSync(neighbour, 'keep me')
    await engine.deleteCluster('solo')
    expect(existsSync(view.dir)).toBe(false)
    expect(existsSync(neighbour)).toBe(true)
    expect(engine.listClusters()).toEqual([])
  })
})

describe('bad input', () => {
  let blocker: Server | null = null
  afterEach(() => {
    blocker?.close()
    blocker = null
  })

  it('refuses a busy port with PORT_IN_USE naming port, member and holder, before any spawn', async () => {
    const engine = await engineFor('errors-busy')
    const spec = await freeSpec('busy', 3)
    const busyPort = spec.members[1]!.peerPort
    blocker = createServer()
    await new Promise<void>((r) => blocker!.listen(busyPort, '127.0.0.1', () => r()))
    const error = await engine.createCluster(spec).catch((e: unknown) => e)
    expect(error).toMatchObject({
      code: 'PORT_IN_USE',
      detail: { port: busyPort, member: 'etcd2', kind: 'peer' },
    })
    expect((error as Error).message).toContain(`Port ${busyPort} (peer port of member etcd2`)
    expect((error as { detail: { owner: { pid: number } } }).detail.owner.pid).toBe(process.pid)
    expect(findEtcdProcesses(engine.layout.root)).toEqual([])
    expect(engine.listClusters()).toEqual([])
  })

  it('rejects invalid specs and duplicate clusters with the member and field named', async () => {
    const engine = await engineFor('errors-spec')
    const spec = await freeSpec('dup', 1)
    await expect(engine.createCluster({ ...spec, name: 'Bad Name' })).rejects.toMatchObject({
      code: 'INVALID_SPEC',
    })
    const bad = { ...spec, members: [{ ...spec.members[0]!, clientPort: 80 }] }
    await expect(engine.createCluster(bad)).rejects.toThrow(
      'Member etcd1: client port 80 is outside 1024–65535',
    )
    await engine.createCluster(spec, { start: false })
    await expect(engine.createCluster(spec)).rejects.toMatchObject({ code: 'CLUSTER_EXISTS' })
  })

  it('rejects an unknown etcd version and a missing binary', async () => {
    const server = await startReleaseServer()
    try {
      const engine = await engineFor('errors-version', { releaseMirror: server.base })
      const spec = await freeSpec('v', 1)
      const error = await engine
        .createCluster({ ...spec, etcdVersion: '3.5.99' })
        .catch((e: unknown) => e)
      expect(error).toMatchObject({
        code: 'RELEASE_NOT_FOUND',
        message: expect.stringContaining('3.5.99'),
      })
      expect(engine.listClusters()).toEqual([])
      const offline = await engineFor('errors-offline')
      await expect(offline.createCluster({ ...spec, etcdVersion: '3.5.99' })).rejects.toMatchObject(
        { code: 'OFFLINE' },
      )
      const noBinary = await engineFor('errors-nobinary', { etcdPath: '/nonexistent/etcd' })
      await expect(noBinary.createCluster(spec)).rejects.toMatchObject({
        code: 'ETCD_NOT_FOUND',
        message: expect.stringContaining('/nonexistent/etcd'),
      })
    } finally {
      await server.close()
    }
  })

  it('reports a member that crashes at start with its log tail', async () => {
    const engine = await engineFor('errors-crash')
    const spec = await freeSpec('crashy', 1)
    await engine.createCluster(spec, { start: false })
    // A file where etcd expects its data directory makes etcd exit at once.
    const dataDir = join(engine.layout.memberDir('crashy', 'etcd1'), 'data')
    mkdirSync(join(dataDir, '..'), { recursive: true })
    writeFileSync(dataDir, 'not a directory')
    const error = (await engine.startCluster('crashy').catch((e: unknown) => e)) as {
      code: string
      detail: { logTail: string[]; member: string }
    }
    expect(error.code).toBe('MEMBER_CRASHED')
    expect(error.detail.member).toBe('etcd1')
    expect(error.detail.logTail.join('\n')).toMatch(/data-dir|not a directory|cannot access/i)
    expect(engine.getCluster('crashy').members[0]?.state).toBe('crashed')
  })

  it('gives START_TIMEOUT with the log tail when a member never becomes healthy', async () => {
    const engine = await engineFor('errors-timeout', { startTimeoutMs: 3_000 })
    const spec = await freeSpec('noquorum', 3)
    await engine.createCluster(spec, { start: false })
    for (const member of ['etcd2', 'etcd3']) {
      const dataDir = join(engine.layout.memberDir('noquorum', member), 'data')
      mkdirSync(join(dataDir, '..'), { recursive: true })
      writeFileSync(dataDir, 'blocks this member')
    }
    const error = (await engine.startCluster('noquorum').catch((e: unknown) => e)) as {
      code: string
      message: string
      detail: { logTail: string[] }
    }
    expect(error.code).toBe('START_TIMEOUT')
    expect(error.message).toContain('etcd1')
    expect(error.detail.logTail.length).toBeGreaterThan(0)
    expect(findEtcdProcesses(engine.layout.root)).toEqual([])
  })
})

describe('ownership of the data directory', () => {
  it('refuses a second engine on the same data directory', async () => {
    const engine = await engineFor('owner-lock')
    await expect(Engine.open({ dataDir: engine.layout.root })).rejects.toMatchObject({
      code: 'DATA_DIR_LOCKED',
    })
  })

  it('refuses a non-empty folder that is not an etcd Desk data directory', async () => {
    const dir = makeTestDir('owner-foreign')
    writeFileSync(join(dir, 'important.txt'), 'someone else')
    await expect(Engine.open({ dataDir: dir })).rejects.toMatchObject({ code: 'DATA_DIR_FOREIGN' })
    expect(readdirSync(dir)).toEqual(['important.txt'])
  })

  it('names a marker file it cannot read instead of calling its own folder foreign', async () => {
    const engine = await engineFor('owner-marker')
    const dir = engine.layout.root
    await engine.close()
    writeFileSync(join(dir, 'etcd-desk.json'), '{ half a marker')
    await expect(Engine.open({ dataDir: dir })).rejects.toMatchObject({
      code: 'DATA_DIR_FOREIGN',
      message: expect.stringContaining(`${join(dir, 'etcd-desk.json')} cannot be read`),
    })
  })
})
