import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { resolveEngineOptions } from '../../../src/main/engine/engine-options'
import {
  INVALID_SETTINGS_FILE,
  SETTINGS_FILE,
  SettingsStore,
} from '../../../src/main/settings/settings-store'
import { defaultConfigDir, defaultDataDir } from '../../../src/main/store/data-layout'
import { DEFAULT_SETTINGS, type Settings } from '../../../src/shared/settings'
import { makeTestDir } from '../../helpers/test-dirs'

const saved = (dir: string): { format: number; settings: Settings } =>
  JSON.parse(readFileSync(join(dir, SETTINGS_FILE), 'utf8'))

describe('SettingsStore', () => {
  it('starts from the defaults when there is no file, and writes nothing', async () => {
    const dir = makeTestDir('settings-empty')
    const store = await SettingsStore.open(dir)
    expect(store.view()).toEqual({
      settings: DEFAULT_SETTINGS,
      file: join(dir, SETTINGS_FILE),
      loadError: null,
    })
    expect(readdirSync(dir)).toEqual([])
  })

  it('saves atomically and reads the same settings back', async () => {
    const dir = makeTestDir('settings-roundtrip')
    const store = await SettingsStore.open(dir)
    await store.update({ startTimeoutMs: 45_000, quitBehavior: 'keep-running' })
    // The temp file of the atomic write is renamed over the target: nothing else is left.
    expect(readdirSync(dir)).toEqual([SETTINGS_FILE])
    expect(saved(dir).format).toBe(1)
    const reopened = await SettingsStore.open(dir)
    expect(reopened.current).toEqual({
      ...DEFAULT_SETTINGS,
      startTimeoutMs: 45_000,
      quitBehavior: 'keep-running',
    })
    expect(reopened.quitBehavior).toBe('keep-running')
  })

  it('creates the config directory on the first save', async () => {
    const dir = join(makeTestDir('settings-mkdir'), 'nested', 'config')
    const store = await SettingsStore.open(dir)
    await store.update({ startTimeoutMs: 6_000 })
    expect(saved(dir).settings.startTimeoutMs).toBe(6_000)
  })

  it('keeps the other fields on a partial update, autoRestart field by field', async () => {
    const dir = makeTestDir('settings-partial')
    const store = await SettingsStore.open(dir)
    await store.update({ releaseMirror: 'https://mirror.example.com/etcd' })
    await store.update({ autoRestart: { enabled: true } })
    await store.update({ autoRestart: { backoffMs: 2_000 } })
    expect(saved(dir).settings).toEqual({
      ...DEFAULT_SETTINGS,
      releaseMirror: 'https://mirror.example.com/etcd',
      autoRestart: { ...DEFAULT_SETTINGS.autoRestart, enabled: true, backoffMs: 2_000 },
    })
  })

  it('refuses an invalid update with INVALID_REQUEST naming the field, saving nothing', async () => {
    const dir = makeTestDir('settings-invalid-update')
    const store = await SettingsStore.open(dir)
    await expect(store.update({ autoRestart: { maxRestarts: 0 } })).rejects.toMatchObject({
      code: 'INVALID_REQUEST',
      message: expect.stringContaining('autoRestart.maxRestarts'),
    })
    await expect(store.update({ colour: 'blue' })).rejects.toMatchObject({
      code: 'INVALID_REQUEST',
    })
    expect(readdirSync(dir)).toEqual([])
    expect(store.current).toEqual(DEFAULT_SETTINGS)
  })

  it('applies concurrent updates one after the other', async () => {
    const dir = makeTestDir('settings-concurrent')
    const store = await SettingsStore.open(dir)
    await Promise.all([
      store.update({ startTimeoutMs: 7_000 }),
      store.update({ quitBehavior: 'keep-running' }),
      store.update({ autoRestart: { enabled: true } }),
    ])
    expect(saved(dir).settings).toEqual(store.current)
    expect(store.current.startTimeoutMs).toBe(7_000)
    expect(store.current.quitBehavior).toBe('keep-running')
    expect(store.current.autoRestart.enabled).toBe(true)
  })

  it('emits changed with the keys that changed, and not for a no-op', async () => {
    const store = await SettingsStore.open(makeTestDir('settings-events'))
    const events: string[][] = []
    store.on('changed', (_view, changed) => events.push(changed))
    const first = await store.update({ startTimeoutMs: 8_000, dataDir: null })
    await store.update({ startTimeoutMs: 8_000 })
    expect(events).toEqual([['startTimeoutMs']])
    expect(first.requiresRestart).toBe(false)
  })

  it('says a data directory change needs a restart, and checks the folder first', async () => {
    const root = makeTestDir('settings-datadir')
    const store = await SettingsStore.open(join(root, 'config'))
    const foreign = join(root, 'foreign')
    mkdirSync(foreign)
    writeFileSync(join(foreign, 'thesis.tex'), 'precious')
    await expect(store.update({ dataDir: foreign })).rejects.toMatchObject({
      code: 'DATA_DIR_FOREIGN',
    })
    const fresh = await store.update({ dataDir: join(root, 'not-yet-there') })
    expect(fresh.requiresRestart).toBe(true)
    expect(fresh.changed).toEqual(['dataDir'])
  })

  it('reports a corrupt file, uses the defaults, and keeps the file until the next save', async () => {
    const dir = makeTestDir('settings-corrupt')
    writeFileSync(join(dir, SETTINGS_FILE), '{"format": 1, "settings": {')
    const store = await SettingsStore.open(dir)
    expect(store.current).toEqual(DEFAULT_SETTINGS)
    expect(store.view().loadError).toMatch(/settings\.json is not valid JSON/)
    expect(readFileSync(join(dir, SETTINGS_FILE), 'utf8')).toBe('{"format": 1, "settings": {')

    await store.update({ startTimeoutMs: 9_000 })
    expect(store.view().loadError).toBeNull()
    expect(readFileSync(join(dir, INVALID_SETTINGS_FILE), 'utf8')).toBe(
      '{"format": 1, "settings": {',
    )
    expect(saved(dir).settings.startTimeoutMs).toBe(9_000)
  })

  it('reports a file with an invalid value, naming the field', async () => {
    const dir = makeTestDir('settings-bad-value')
    const settings = { ...DEFAULT_SETTINGS, startTimeoutMs: 10 }
    writeFileSync(join(dir, SETTINGS_FILE), JSON.stringify({ format: 1, settings }))
    const store = await SettingsStore.open(dir)
    expect(store.current).toEqual(DEFAULT_SETTINGS)
    expect(store.view().loadError).toMatch(/is not valid: startTimeoutMs: /)
  })

  it('reports a file of an unknown format', async () => {
    const dir = makeTestDir('settings-format')
    writeFileSync(join(dir, SETTINGS_FILE), JSON.stringify({ format: 99, settings: {} }))
    const store = await SettingsStore.open(dir)
    expect(store.view().loadError).toMatch(/unknown format \(99\)/)
  })

  it('can live in memory only', async () => {
    const store = SettingsStore.inMemory()
    const { view } = await store.update({ startTimeoutMs: 12_000 })
    expect(view).toMatchObject({ file: null, loadError: null })
    expect(store.current.startTimeoutMs).toBe(12_000)
  })
})

describe('config directory', () => {
  it('is ETCD_DESK_CONFIG_DIR when set', () => {
    expect(defaultConfigDir({ ETCD_DESK_CONFIG_DIR: '/tmp/x-config' })).toBe('/tmp/x-config')
  })

  it('is not the data directory, by default on any platform', () => {
    expect(defaultConfigDir({})).not.toBe(defaultDataDir({}))
    if (process.platform === 'linux') {
      expect(defaultConfigDir({ XDG_CONFIG_HOME: '/home/me/.config' })).toBe(
        '/home/me/.config/etcd-desk',
      )
    }
  })
})

describe('engine options from settings', () => {
  const settings: Settings = {
    ...DEFAULT_SETTINGS,
    dataDir: '/srv/etcd-desk',
    startTimeoutMs: 20_000,
    releaseMirror: 'https://mirror.example.com',
    defaultEtcdVersion: '3.5.17',
    autoRestart: { ...DEFAULT_SETTINGS.autoRestart, enabled: true },
  }

  it('takes saved settings where no option is given', () => {
    const resolved = resolveEngineOptions({}, settings, {})
    expect(resolved).toMatchObject({
      dataDir: '/srv/etcd-desk',
      startTimeoutMs: 20_000,
      releaseMirror: 'https://mirror.example.com',
      defaultEtcdVersion: '3.5.17',
      autoRestart: settings.autoRestart,
    })
  })

  it('lets explicit options and ETCD_DESK_DATA_DIR win over saved settings', () => {
    const resolved = resolveEngineOptions(
      { startTimeoutMs: 1_000, releaseMirror: 'http://127.0.0.1:1/m' },
      settings,
      { ETCD_DESK_DATA_DIR: '/tmp/from-env' },
    )
    expect(resolved).toMatchObject({
      dataDir: '/tmp/from-env',
      startTimeoutMs: 1_000,
      releaseMirror: 'http://127.0.0.1:1/m',
    })
  })
})
