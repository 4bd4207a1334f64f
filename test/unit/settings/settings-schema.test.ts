import { describe, expect, it } from 'vitest'
import {
  DEFAULT_SETTINGS,
  mergeSettings,
  settingsPatchSchema,
  settingsSchema,
  type Settings,
} from '../../../src/shared/settings'

const withField = (patch: Partial<Record<keyof Settings, unknown>>): unknown => ({
  ...DEFAULT_SETTINGS,
  ...patch,
})
const accepts = (patch: Partial<Record<keyof Settings, unknown>>): boolean =>
  settingsSchema.safeParse(withField(patch)).success
const firstPath = (value: unknown): string | undefined => {
  const parsed = settingsPatchSchema.safeParse(value)
  return parsed.success ? undefined : parsed.error.issues[0]?.path.join('.')
}

describe('settings schema', () => {
  it('accepts its own defaults', () => {
    expect(settingsSchema.parse(DEFAULT_SETTINGS)).toEqual(DEFAULT_SETTINGS)
    expect(DEFAULT_SETTINGS.quitBehavior).toBe('stop-clusters')
  })

  it('keeps the start timeout between 5 s and 5 min, in whole milliseconds', () => {
    expect(accepts({ startTimeoutMs: 5_000 })).toBe(true)
    expect(accepts({ startTimeoutMs: 300_000 })).toBe(true)
    for (const bad of [4_999, 300_001, 0, -1, 10_000.5, '30000', null]) {
      expect(accepts({ startTimeoutMs: bad }), String(bad)).toBe(false)
    }
  })

  it('keeps the auto-restart policy in sane ranges', () => {
    const policy = (p: Record<string, unknown>) => ({ ...DEFAULT_SETTINGS.autoRestart, ...p })
    expect(accepts({ autoRestart: policy({ enabled: true, maxRestarts: 20 }) })).toBe(true)
    for (const bad of [
      { maxRestarts: 0 },
      { maxRestarts: 21 },
      { minUptimeMs: 999 },
      { minUptimeMs: 600_001 },
      { backoffMs: 99 },
      { backoffMs: 60_001 },
      { enabled: 'yes' },
    ]) {
      expect(accepts({ autoRestart: policy(bad) }), JSON.stringify(bad)).toBe(false)
    }
  })

  it('takes only http(s) mirror URLs without query, fragment or credentials', () => {
    for (const good of [null, 'https://mirror.example.com/etcd', 'http://127.0.0.1:8080/etcd']) {
      expect(accepts({ releaseMirror: good }), String(good)).toBe(true)
    }
    for (const bad of [
      'ftp://mirror.example.com/etcd',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'mirror.example.com',
      'https://',
      'https://mirror.example.com/etcd?x=1',
      'https://mirror.example.com/etcd#top',
      'https://user:secret@mirror.example.com/etcd',
      `https://mirror.example.com/${'a'.repeat(3000)}`,
      '',
    ]) {
      expect(accepts({ releaseMirror: bad }), bad).toBe(false)
    }
  })

  it("takes 'system' or an etcd 3.x version as the default version", () => {
    for (const good of ['system', '3.5.17', '3.6.0-rc.1']) {
      expect(accepts({ defaultEtcdVersion: good }), good).toBe(true)
    }
    for (const bad of ['2.3.8', 'latest', '; rm -rf /', '3.5', '']) {
      expect(accepts({ defaultEtcdVersion: bad }), bad).toBe(false)
    }
  })

  it('takes an absolute data directory without ".." or NUL bytes, or null', () => {
    for (const good of [null, '/home/me/etcd', 'C:\\Users\\me\\etcd', 'D:/etcd', '\\\\server\\s']) {
      expect(accepts({ dataDir: good }), String(good)).toBe(true)
    }
    for (const bad of ['relative/dir', '', '/a/../b', 'C:\\a\\..\\b', '/a\u0000b', 42]) {
      expect(accepts({ dataDir: bad }), String(bad)).toBe(false)
    }
  })

  it('knows two quit behaviours', () => {
    expect(accepts({ quitBehavior: 'keep-running' })).toBe(true)
    expect(accepts({ quitBehavior: 'hibernate' })).toBe(false)
  })

  it('refuses unknown keys, at the top and inside autoRestart', () => {
    expect(settingsSchema.safeParse({ ...DEFAULT_SETTINGS, theme: 'dark' }).success).toBe(false)
    expect(firstPath({ theme: 'dark' })).toBe('')
    expect(settingsPatchSchema.safeParse({ autoRestart: { forever: true } }).success).toBe(false)
  })

  it('names the field of a bad partial update', () => {
    expect(firstPath({ startTimeoutMs: 1 })).toBe('startTimeoutMs')
    expect(firstPath({ autoRestart: { backoffMs: -1 } })).toBe('autoRestart.backoffMs')
    expect(firstPath({ releaseMirror: 'ftp://x' })).toBe('releaseMirror')
    expect(firstPath({})).toBeUndefined()
  })
})

describe('mergeSettings', () => {
  it('changes only the fields of the patch, autoRestart field by field', () => {
    const merged = mergeSettings(DEFAULT_SETTINGS, {
      startTimeoutMs: 60_000,
      autoRestart: { enabled: true },
    })
    expect(merged).toEqual({
      ...DEFAULT_SETTINGS,
      startTimeoutMs: 60_000,
      autoRestart: { ...DEFAULT_SETTINGS.autoRestart, enabled: true },
    })
  })

  it('does not erase a value for a key given as undefined; null clears a nullable one', () => {
    const current = { ...DEFAULT_SETTINGS, releaseMirror: 'https://m.example.com' }
    expect(mergeSettings(current, { releaseMirror: undefined }).releaseMirror).toBe(
      'https://m.example.com',
    )
    expect(mergeSettings(current, { releaseMirror: null }).releaseMirror).toBeNull()
  })
})
