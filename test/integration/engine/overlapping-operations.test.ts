import { createServer, type Server } from 'node:net'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Engine } from '../../../src/main/engine/engine'
import type { MemberView } from '../../../src/shared/cluster'
import {
  ENGINE_WAIT,
  engineClosedAfterEach,
  freeSpec,
  openTestEngine,
} from '../../helpers/engine-fixture'
import { findEtcdProcesses } from '../../helpers/etcd-processes'

/**
 * The engine's operation discipline, from what users did: double clicks, two windows, a Stop all
 * right after a crash, quitting while a start runs. Each case was a bug before the discipline.
 */
describe('overlapping operations', () => {
  const opened = engineClosedAfterEach()

  it('two creates of one spec at once: one runs, the other is refused before any process starts', async () => {
    const engine = opened.set(await openTestEngine('twice'))
    const spec = await freeSpec('twice', 3)
    const results = await Promise.allSettled([
      engine.createCluster(spec),
      engine.createCluster(spec),
    ])

    const created = results.filter((r) => r.status === 'fulfilled')
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []))
    expect(created).toHaveLength(1)
    expect(refused).toEqual([expect.objectContaining({ code: 'CLUSTER_EXISTS' })])
    expect(findEtcdProcesses(engine.layout.root)).toHaveLength(3)
    expect(engine.listClusters().map((c) => c.definition.name)).toEqual(['twice'])
  })

  it('a create on ports another create holds gets PORT_IN_USE naming that cluster', async () => {
    const engine = opened.set(await openTestEngine('clash'))
    const spec = await freeSpec('first', 1)
    const first = engine.createCluster(spec)
    const second = engine.createCluster({ ...spec, name: 'second' })

    await expect(second).rejects.toMatchObject({
      code: 'PORT_IN_USE',
      message: expect.stringContaining('cluster first'),
      detail: expect.objectContaining({ usedBy: 'first', member: 'etcd1' }),
    })
    await expect(first).resolves.toMatchObject({ state: 'running' })
    expect(findEtcdProcesses(engine.layout.root)).toHaveLength(1)
  })

  it('a second start while one runs is refused with CLUSTER_BUSY naming it', async () => {
    const engine = opened.set(await openTestEngine('busy'))
    await engine.createCluster(await freeSpec('busy', 3), { start: false })
    const first = engine.startCluster('busy')
    await expect(engine.startCluster('busy')).rejects.toMatchObject({
      code: 'CLUSTER_BUSY',
      message: expect.stringContaining('Starting cluster busy'),
    })
    await expect(first).resolves.toMatchObject({ state: 'running' })
    expect(engine.getCluster('busy').operation).toBeNull()
  })

  it('Stop all cancels a start that waits for health, and stops what it started', async () => {
    const engine = opened.set(await openTestEngine('stop-start'))
    const waiting = await startWithoutQuorum(engine, 'halfway')
    const stop = engine.stopCluster('halfway')
    waiting.resume()
    await stop

    await expect(waiting.start).rejects.toMatchObject({ code: 'OPERATION_CANCELLED' })
    expect(engine.getCluster('halfway').members.every((m) => m.state === 'stopped')).toBe(true)
    expect(findEtcdProcesses(engine.layout.root)).toEqual([])
  })
})

describe('automatic restarts belong to the cluster', () => {
  const opened = engineClosedAfterEach()
  let blocker: Server | null = null

  afterEach(() => {
    blocker?.close()
    blocker = null
  })

  const member = (cluster: string, name: string): MemberView =>
    opened
      .get()
      .getCluster(cluster)
      .members.find((m) => m.name === name)!

  it('Stop all right after a crash cancels the pending restart: nothing starts again', async () => {
    const engine = opened.set(
      await openTestEngine('stop-restart', {
        autoRestart: { enabled: true, backoffMs: 1_500, maxRestarts: 3, minUptimeMs: 10_000 },
      }),
    )
    await engine.createCluster(await freeSpec('trio', 3))
    process.kill(member('trio', 'etcd2').pid!, 'SIGKILL')
    await vi.waitFor(() => expect(member('trio', 'etcd2').state).toBe('crashed'), ENGINE_WAIT)

    await engine.stopCluster('trio')
    expect(findEtcdProcesses(engine.layout.root)).toEqual([])
    await vi.waitFor(
      async () => expect(await readEngineLog(engine)).toContain('automatic restarts cancelled'),
      ENGINE_WAIT,
    )
    // The restart was due 1.5 s after the crash: past that, still nothing runs.
    await new Promise((r) => setTimeout(r, 2_000))
    expect(findEtcdProcesses(engine.layout.root)).toEqual([])
    expect(member('trio', 'etcd2').state).toBe('crashed')
  })

  it("the user's Stop wins over the member's automatic restart in progress", async () => {
    const engine = opened.set(
      await openTestEngine('override-restart', {
        autoRestart: { enabled: true, backoffMs: 1_000, maxRestarts: 3, minUptimeMs: 10_000 },
      }),
    )
    await engine.createCluster(await freeSpec('trio', 3))
    process.kill(member('trio', 'etcd2').pid!, 'SIGKILL')
    await vi.waitFor(() => expect(member('trio', 'etcd2').state).toBe('crashed'), ENGINE_WAIT)
    // The others paused: the restarted etcd2 waits for a quorum it cannot get.
    const paused = [member('trio', 'etcd1').pid!, member('trio', 'etcd3').pid!]
    paused.forEach((pid) => process.kill(pid, 'SIGSTOP'))
    try {
      await vi.waitFor(() => {
        expect(
          engine.getCluster('trio').operation,
          JSON.stringify(member('trio', 'etcd2')),
        ).toMatchObject({ kind: 'auto-restart' })
        expect(member('trio', 'etcd2').state).toBe('starting')
      }, ENGINE_WAIT)
      await engine.stopMember('trio', 'etcd2')
    } finally {
      paused.forEach((pid) => process.kill(pid, 'SIGCONT'))
    }
    expect(member('trio', 'etcd2')).toMatchObject({ state: 'stopped', pid: null })
    expect(engine.getCluster('trio').operation).toBeNull()
    expect(findEtcdProcesses(engine.layout.root)).toHaveLength(2)
  })

  it('a restart that fails is shown on the member with the reason, not dropped', async () => {
    const engine = opened.set(
      await openTestEngine('restart-fails', {
        autoRestart: { enabled: true, backoffMs: 300, maxRestarts: 3, minUptimeMs: 10_000 },
      }),
    )
    const spec = await freeSpec('solo', 1)
    await engine.createCluster(spec)
    const pid = member('solo', 'etcd1').pid!
    process.kill(pid, 'SIGKILL')
    await vi.waitFor(() => expect(member('solo', 'etcd1').state).toBe('crashed'), ENGINE_WAIT)
    // Something else takes the member's client port before the restart is due.
    blocker = await listen(spec.members[0]!.clientPort)

    await vi.waitFor(() => expect(member('solo', 'etcd1').state).toBe('errored'), ENGINE_WAIT)
    expect(member('solo', 'etcd1').lastExit?.reason).toMatch(
      new RegExp(`automatic restart failed: Port ${spec.members[0]!.clientPort}`),
    )
    await vi.waitFor(
      async () => expect(await readEngineLog(engine)).toContain('automatic restart failed'),
      ENGINE_WAIT,
    )
  })
})

describe('closing the engine', () => {
  it('cancels a start in flight, stops its members, and refuses what comes after', async () => {
    const engine = await openTestEngine('close-start')
    const waiting = await startWithoutQuorum(engine, 'late')

    const closing = engine.close()
    waiting.resume()
    await expect(engine.startMember('late', 'etcd4')).rejects.toMatchObject({
      code: 'ENGINE_CLOSED',
    })
    await expect(engine.createCluster(await freeSpec('after', 1))).rejects.toMatchObject({
      code: 'ENGINE_CLOSED',
    })
    await closing
    await expect(waiting.start).rejects.toMatchObject({
      code: 'OPERATION_CANCELLED',
      message: expect.stringContaining('shutting down'),
    })
    expect(findEtcdProcesses(engine.layout.root)).toEqual([])
  })
})

/**
 * A cluster start that waits for health it cannot get: of five members, three run but are paused
 * (SIGSTOP), and the start spawns the two stopped ones, which find no quorum. `resume` lets the paused
 * three go on (SIGCONT), so whatever stops them next is not held up by paused processes.
 */
async function startWithoutQuorum(engine: Engine, name: string) {
  await engine.createCluster(await freeSpec(name, 5))
  for (const member of ['etcd4', 'etcd5']) await engine.stopMember(name, member)
  const paused = engine
    .getCluster(name)
    .members.slice(0, 3)
    .map((m) => m.pid!)
  for (const pid of paused) process.kill(pid, 'SIGSTOP')
  const start = engine.startCluster(name)
  // Handled by the test through `start`; this keeps an early rejection from going unhandled.
  start.catch(() => undefined)
  await vi.waitFor(() => {
    const view = engine.getCluster(name)
    expect(view.operation).toMatchObject({ kind: 'start' })
    expect(view.members.filter((m) => m.state === 'starting')).toHaveLength(2)
  }, ENGINE_WAIT)
  return { start, resume: () => paused.forEach((pid) => process.kill(pid, 'SIGCONT')) }
}

async function readEngineLog(engine: Engine): Promise<string> {
  const { readFile } = await import('node:fs/promises')
  return readFile(engine.layout.engineLogFile, 'utf8')
}

function listen(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve(server))
  })
}
