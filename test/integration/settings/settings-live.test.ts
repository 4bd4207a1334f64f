import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bridgePushes } from '../../../src/main/contract/push-bridge'
import { handleRequest } from '../../../src/main/contract/request-handlers'
import { Engine } from '../../../src/main/engine/engine'
import { SETTINGS_FILE, SettingsStore } from '../../../src/main/settings/settings-store'
import type { MemberView } from '../../../src/shared/cluster'
import type { PushChannel } from '../../../src/shared/contract'
import { DEFAULT_SETTINGS } from '../../../src/shared/settings'
import { findEtcdProcesses } from '../../helpers/etcd-processes'
import { freeSpec, waitFor } from '../../helpers/engine-fixture'
import { makeTestDir } from '../../helpers/test-dirs'

describe('settings through the contract, applied to a running engine', () => {
  const root = makeTestDir('settings-live')
  const configDir = join(root, 'config')
  const dataDir = join(root, 'data')
  let engine: Engine
  const pushes: Array<{ channel: PushChannel; payload: unknown }> = []
  const member = (): MemberView => engine.getCluster('live').members[0]!

  beforeAll(async () => {
    engine = await Engine.open({ dataDir, settings: await SettingsStore.open(configDir) })
    bridgePushes(engine, (channel, payload) => pushes.push({ channel, payload }))
    await engine.createCluster(await freeSpec('live', 1))
  })

  afterAll(async () => {
    await engine.close()
    expect(findEtcdProcesses(engine.layout.root)).toEqual([])
  })

  it('answers settings:get with the defaults and the file they will be saved to', async () => {
    const result = await handleRequest(engine, 'settings:get', {})
    expect(result).toEqual({
      ok: true,
      value: { settings: DEFAULT_SETTINGS, file: join(configDir, SETTINGS_FILE), loadError: null },
    })
  })

  it('applies startTimeoutMs and autoRestart to the engine, saves them and pushes the change', async () => {
    const result = await handleRequest(engine, 'settings:update', {
      startTimeoutMs: 12_000,
      autoRestart: { enabled: true, backoffMs: 100 },
    })
    expect(result.ok && result.value.requiresRestart).toBe(false)
    expect(engine.options.startTimeoutMs).toBe(12_000)
    expect(engine.options.autoRestart).toEqual({
      ...DEFAULT_SETTINGS.autoRestart,
      enabled: true,
      backoffMs: 100,
    })
    const file = JSON.parse(readFileSync(join(configDir, SETTINGS_FILE), 'utf8'))
    expect(file.settings.startTimeoutMs).toBe(12_000)
    const pushed = pushes.filter((p) => p.channel === 'settings:changed')
    expect(pushed).toHaveLength(1)
    expect(pushed[0]!.payload).toMatchObject({ settings: { startTimeoutMs: 12_000 } })
  })

  it('lets a cluster created before the change restart a crashed member', async () => {
    // Auto-restart was off when the cluster was created; the update above turned it on.
    const pid = member().pid!
    process.kill(pid, 'SIGKILL')
    const back = await waitFor(
      member,
      (m) => m.state === 'running' && m.pid !== null && m.pid !== pid,
    )
    expect(back.restarts).toBe(1)
  })

  it('uses the default etcd version for suggested clusters', async () => {
    await handleRequest(engine, 'settings:update', { defaultEtcdVersion: '3.5.17' })
    const suggested = await handleRequest(engine, 'cluster:suggest', { memberCount: 1 })
    expect(suggested.ok && suggested.value.etcdVersion).toBe('3.5.17')
    await handleRequest(engine, 'settings:update', { defaultEtcdVersion: 'system' })
  })

  it('applies the release mirror for the next download', async () => {
    await handleRequest(engine, 'settings:update', { releaseMirror: 'http://127.0.0.1:9/etcd' })
    expect(engine.options.releaseMirror).toBe('http://127.0.0.1:9/etcd')
    await handleRequest(engine, 'settings:update', { releaseMirror: null })
    expect(engine.options.releaseMirror).toBeUndefined()
  })

  it('saves a new data directory for the next launch and says so', async () => {
    const next = join(root, 'next-data')
    const result = await handleRequest(engine, 'settings:update', { dataDir: next })
    expect(result.ok && result.value).toMatchObject({
      requiresRestart: true,
      settings: { dataDir: next },
    })
    expect(engine.layout.root).toBe(dataDir)
    await handleRequest(engine, 'settings:update', { dataDir: null })
  })

  it('refuses invalid updates with INVALID_REQUEST naming the field, changing nothing', async () => {
    const cases: Array<[unknown, string]> = [
      [{ startTimeoutMs: 10 }, 'startTimeoutMs'],
      [{ autoRestart: { maxRestarts: 1000 } }, 'autoRestart.maxRestarts'],
      [{ releaseMirror: 'file:///etc' }, 'releaseMirror'],
      [{ dataDir: '../../elsewhere' }, 'dataDir'],
      [{ quitBehavior: 'explode' }, 'quitBehavior'],
      [{ startTimeoutMs: 6_000, sneaky: true }, 'sneaky'],
    ]
    for (const [patch, field] of cases) {
      const result = await handleRequest(engine, 'settings:update', patch)
      expect(result.ok, JSON.stringify(patch)).toBe(false)
      if (!result.ok) {
        expect(result.error.code).toBe('INVALID_REQUEST')
        expect(result.error.message).toContain(field)
      }
    }
    expect(engine.options.startTimeoutMs).toBe(12_000)
    expect(engine.settings.current.startTimeoutMs).toBe(12_000)
  })

  it('refuses a data directory that belongs to someone else', async () => {
    const result = await handleRequest(engine, 'settings:update', { dataDir: configDir })
    expect(!result.ok && result.error.code).toBe('DATA_DIR_FOREIGN')
  })

  it('opens the next engine with the saved settings', async () => {
    const other = await Engine.open({
      dataDir: makeTestDir('settings-next'),
      settings: await SettingsStore.open(configDir),
    })
    try {
      expect(other.options.startTimeoutMs).toBe(12_000)
      expect(other.options.autoRestart.enabled).toBe(true)
      expect(other.settings.quitBehavior).toBe('stop-clusters')
    } finally {
      await other.close()
    }
  })
})
