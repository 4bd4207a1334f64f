import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { handleRequest } from '../../../src/main/contract/request-handlers'
import { Engine } from '../../../src/main/engine/engine'
import { crashEngineWithCluster } from '../../helpers/crash-engine'
import { findEtcdProcesses } from '../../helpers/etcd-processes'
import { ENGINE_WAIT, freeSpec, openTestEngine } from '../../helpers/engine-fixture'
import { makeTestDir } from '../../helpers/test-dirs'

const opened: Engine[] = []
afterEach(async () => {
  const roots = opened.map((e) => e.layout.root)
  await Promise.all(opened.splice(0).map((e) => e.close()))
  for (const root of roots) expect(findEtcdProcesses(root)).toEqual([])
})

/** The engine log's lines as objects (pino writes JSON lines). */
async function logLines(engine: Engine): Promise<Array<Record<string, unknown>>> {
  const text = await readFile(engine.layout.engineLogFile, 'utf8')
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>)
}

describe('the engine log', () => {
  it('is written to engine.log in the data directory, with context on each line', async () => {
    const engine = await openTestEngine('engine-log')
    opened.push(engine)
    await engine.createCluster(await freeSpec('logged', 1))
    await engine.stopCluster('logged')
    await vi.waitFor(
      async () =>
        expect(await logLines(engine)).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ level: 'info', msg: 'engine opened' }),
            expect.objectContaining({ level: 'info', cluster: 'logged', msg: 'creating cluster' }),
          ]),
        ),
      ENGINE_WAIT,
    )
  })

  it('reports a run record it cannot read at start-up instead of dropping it', async () => {
    const dataDir = makeTestDir('bad-run-record')
    const first = await Engine.open({ dataDir })
    await first.createCluster(await freeSpec('scarred', 1), { start: false })
    await first.close()
    await writeFile(first.layout.runFile('scarred'), '{"not": "a list"}')

    const engine = await Engine.open({ dataDir })
    opened.push(engine)
    expect(engine.startupReport?.lines).toEqual([
      expect.stringMatching(
        /^Members of cluster scarred left running by the last run could not be checked \(.*run\.json is not a run record/,
      ),
    ])
  })

  it('a run record that cannot be written is logged and shown on the cluster until it can', async () => {
    const engine = await openTestEngine('run-record-fails')
    opened.push(engine)
    await engine.createCluster(await freeSpec('unrecorded', 1), { start: false })
    // A folder where run.json belongs: the atomic write's rename fails (EISDIR), even as root.
    await mkdir(engine.layout.runFile('unrecorded'))
    await engine.startCluster('unrecorded')
    await vi.waitFor(
      () =>
        expect(engine.getCluster('unrecorded').warning).toMatch(
          /could not record its running members \(run\.json\)/,
        ),
      ENGINE_WAIT,
    )
    await vi.waitFor(
      async () =>
        expect(await logLines(engine)).toContainEqual(
          expect.objectContaining({
            level: 'error',
            cluster: 'unrecorded',
            msg: 'run.json not written',
          }),
        ),
      ENGINE_WAIT,
    )
    await rm(engine.layout.runFile('unrecorded'), { recursive: true })
    await engine.stopCluster('unrecorded')
    expect(engine.getCluster('unrecorded').warning).toBeNull()
  })

  it('opens with the OS where the app can (Electron), and says why not in browser mode', async () => {
    const opens: string[] = []
    const electronLike = await openTestEngine('open-log', {
      openPath: async (path) => {
        opens.push(path)
        return ''
      },
    })
    opened.push(electronLike)
    const info = await handleRequest(electronLike, 'app:info', {})
    expect(info).toMatchObject({
      ok: true,
      value: { engineLog: { path: electronLike.layout.engineLogFile, canOpen: true } },
    })
    expect(await handleRequest(electronLike, 'app:open-engine-log', {})).toEqual({
      ok: true,
      value: null,
    })
    expect(opens).toEqual([electronLike.layout.engineLogFile])

    const browserLike = await openTestEngine('no-open-log')
    opened.push(browserLike)
    expect(await handleRequest(browserLike, 'app:open-engine-log', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', detail: { file: browserLike.layout.engineLogFile } },
    })
  })
})

describe('the start-up report', () => {
  it('says which members of which cluster were adopted after a crash, once per start', async () => {
    const dataDir = await crashEngineWithCluster('startup-report', await freeSpec('survivor', 3))
    const engine = await Engine.open({ dataDir })
    opened.push(engine)
    expect(engine.startupReport).toMatchObject({
      id: expect.any(String),
      lines: ['Adopted 3 members of cluster survivor still running from the last run.'],
    })
    const info = await handleRequest(engine, 'app:info', {})
    expect(info.ok && info.value.startup).toEqual(engine.startupReport)
    await vi.waitFor(
      async () =>
        expect(await logLines(engine)).toContainEqual(
          expect.objectContaining({
            msg: 'Adopted 3 members of cluster survivor still running from the last run.',
          }),
        ),
      ENGINE_WAIT,
    )
    await engine.stopCluster('survivor')
  })

  it('is null when there was nothing to tell', async () => {
    const engine = await openTestEngine('quiet-start')
    opened.push(engine)
    expect(engine.startupReport).toBeNull()
  })
})
