import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { openClientSession, type ClientSession } from '../../../src/main/contract/client-session'
import type { Engine } from '../../../src/main/engine/engine'
import type { PushChannel, PushMap, ResponseMap } from '../../../src/shared/contract'
import type { KeySearchUpdate } from '../../../src/shared/key-search'
import type { Result } from '../../../src/shared/result'
import { findEtcdProcesses } from '../../helpers/etcd-processes'
import { ENGINE_WAIT, freeSpec, openTestEngine } from '../../helpers/engine-fixture'
import { bytes, seedKeys, text } from './key-fixtures'

const CLUSTER = 'search'
const KEY_COUNT = 100_000
const SETTINGS_VALUE = '{"mode": "NEEDLE-VALUE", "replicas": 3}'
const keyName = (i: number) => `s/key-${String(i).padStart(6, '0')}`

let engine: Engine
/** A window: its session and the search updates pushed to it. */
interface Window {
  session: ClientSession
  updates: KeySearchUpdate[]
}
let windows: [Window, Window]

function openWindow(): Window {
  const updates: KeySearchUpdate[] = []
  const push = <P extends PushChannel>(channel: P, payload: PushMap[P]) => {
    if (channel === 'keys:search-update') updates.push(payload as KeySearchUpdate)
  }
  return { session: openClientSession(engine, push), updates }
}

function valueOf<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.value as T
}

type Started = ResponseMap['keys:search']

/** Starts a search in `window` and returns its id and revision. */
async function start(window: Window, arg: Record<string, unknown>): Promise<Started> {
  const result = await window.session.request('keys:search', { cluster: CLUSTER, ...arg })
  return valueOf<Started>(result)
}

/** The updates of one search, once its final one (done, capped or failed) arrived. */
async function finished(window: Window, searchId: string): Promise<KeySearchUpdate[]> {
  const mine = () => window.updates.filter((u) => u.searchId === searchId)
  await vi.waitFor(() => expect(mine().at(-1)?.state).toMatch(/done|capped|failed/), ENGINE_WAIT)
  return mine()
}

const matchedKeys = (updates: KeySearchUpdate[]) =>
  updates.flatMap((u) => u.matches.map((m) => text(m.key)))

/** Range counters of the cluster's key service (how many Ranges the engine sent). */
const rangeStats = () => engine.keys.use(CLUSTER, 'read', bytes(''), async (s) => s.stats)

beforeAll(async () => {
  engine = await openTestEngine('key-search')
  const view = await engine.createCluster(await freeSpec(CLUSTER, 1))
  const endpoint = view.members[0]!.clientUrl
  const entries: [string, string][] = Array.from({ length: KEY_COUNT }, (_, i) => [
    keyName(i),
    `value-${i}`,
  ])
  entries.push(['s/config/needle-in-a-haystack', 'plain'])
  entries.push(['v/settings', SETTINGS_VALUE])
  entries.push(['v/other', 'nothing here'])
  await seedKeys(endpoint, entries)
  windows = [openWindow(), openWindow()]
}, 120_000)

afterAll(async () => {
  await Promise.all(windows?.map((w) => w.session.close()) ?? [])
  const root = engine?.layout.root
  await engine?.close()
  if (root) expect(findEtcdProcesses(root)).toEqual([])
})

describe('key search', () => {
  it('finds a substring among 100,000 keys, streamed with progress from bounded Ranges', async () => {
    const [mine, other] = windows
    const before = await rangeStats()
    const { searchId, revision } = await start(mine, {
      prefix: bytes(''),
      pattern: 'needle',
      mode: 'substring',
    })
    const updates = await finished(mine, searchId)
    expect(matchedKeys(updates)).toEqual(['s/config/needle-in-a-haystack'])
    const last = updates.at(-1)!
    expect(last).toMatchObject({ state: 'done', scanned: KEY_COUNT + 3, total: KEY_COUNT + 3 })
    expect(last.matches.concat(...updates.map((u) => u.matches))[0]).toMatchObject({
      matchedIn: 'key',
      valueSize: null,
    })
    expect(BigInt(revision)).toBeGreaterThan(0n)
    // Progress was pushed along the way, and only to the window that searched.
    expect(updates.length).toBeGreaterThan(1)
    expect(other.updates).toEqual([])
    // Keys-only windows: every key came back once, and no Range read the whole keyspace but the
    // first (which counts it).
    const after = await rangeStats()
    expect(after.keysReturned - before.keysReturned).toBeLessThanOrEqual(KEY_COUNT + 3 + 1)
    expect(after.largestLimit).toBeLessThanOrEqual(10_000)
    // etcd walks each Range's keys to count them: the windows (plus one count of the prefix) walk
    // a few times the keyspace, where paging [last key, end) 1,000 at a time would walk 50 times.
    expect(after.keysWalked - before.keysWalked).toBeLessThan(5 * KEY_COUNT)
  })

  it('finds a value match, with a preview, when values are searched', async () => {
    const [mine] = windows
    const keysOnly = await start(mine, {
      prefix: bytes('v/'),
      pattern: 'NEEDLE',
      mode: 'substring',
    })
    expect(matchedKeys(await finished(mine, keysOnly.searchId))).toEqual([])
    const { searchId } = await start(mine, {
      prefix: bytes('v/'),
      pattern: 'needle-value',
      mode: 'substring',
      inValues: true,
      ignoreCase: true,
    })
    const matches = (await finished(mine, searchId)).flatMap((u) => u.matches)
    expect(matches).toHaveLength(1)
    expect(text(matches[0]!.key)).toBe('v/settings')
    expect(matches[0]).toMatchObject({ matchedIn: 'value', valueSize: SETTINGS_VALUE.length })
    expect(matches[0]!.preview).toContain('"NEEDLE-VALUE"')
  })

  it('matches a regular expression and a glob over the whole key', async () => {
    const [mine] = windows
    const regex = await start(mine, {
      prefix: bytes('s/'),
      pattern: '^s/key-0999[0-9]5$',
      mode: 'regex',
    })
    expect(matchedKeys(await finished(mine, regex.searchId))).toEqual(
      Array.from({ length: 10 }, (_, i) => keyName(99_905 + i * 10)),
    )
    const glob = await start(mine, { prefix: bytes(''), pattern: 's/key-01234?', mode: 'glob' })
    expect(matchedKeys(await finished(mine, glob.searchId))).toEqual(
      Array.from({ length: 10 }, (_, i) => keyName(12_340 + i)),
    )
  })

  it('refuses a bad regular expression, naming it', async () => {
    const result = await windows[0].session.request('keys:search', {
      cluster: CLUSTER,
      prefix: bytes(''),
      pattern: 'key-(0',
      mode: 'regex',
    })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('INVALID_REQUEST')
    expect(result.error.message).toMatch(/^\/key-\(0\/ is not a valid regular expression: /)
  })

  it('stops at the result cap', async () => {
    const [mine] = windows
    const { searchId } = await start(mine, {
      prefix: bytes('s/'),
      pattern: 'key-',
      mode: 'substring',
      maxResults: 50,
    })
    const updates = await finished(mine, searchId)
    expect(matchedKeys(updates)).toEqual(Array.from({ length: 50 }, (_, i) => keyName(i)))
    expect(updates.at(-1)).toMatchObject({ state: 'capped' })
    expect(updates.at(-1)!.scanned).toBeLessThan(KEY_COUNT)
  })

  it('stops on cancel: no more pushes and no more Ranges', async () => {
    const [mine, other] = windows
    const { searchId } = await start(mine, {
      prefix: bytes(''),
      pattern: 'matches-nothing',
      mode: 'substring',
    })
    // Another window cannot stop it.
    expect(await other.session.request('keys:search-cancel', { searchId })).toEqual({
      ok: true,
      value: null,
    })
    expect(engine.searches.has(searchId)).toBe(true)
    valueOf(await mine.session.request('keys:search-cancel', { searchId }))
    expect(engine.searches.has(searchId)).toBe(false)
    const pushed = mine.updates.filter((u) => u.searchId === searchId)
    expect(pushed.some((u) => u.state !== 'running')).toBe(false)
    const stats = await rangeStats()
    // One more request through the engine: had the scan gone on, its Ranges would count too.
    valueOf(await mine.session.request('keys:count', { cluster: CLUSTER, prefix: bytes('v/') }))
    expect((await rangeStats()).rangeRequests).toBe(stats.rangeRequests + 1)
    expect(mine.updates.filter((u) => u.searchId === searchId)).toEqual(pushed)
  })

  it('reads one pinned revision: keys written after it started are not found', async () => {
    const [mine] = windows
    const { searchId, revision } = await start(mine, {
      prefix: bytes('s/'),
      pattern: 'late',
      mode: 'substring',
    })
    // After the revision was read; at the end of the range, so the scan has not reached it.
    const put = valueOf<{ revision: string }>(
      await mine.session.request('keys:put', {
        cluster: CLUSTER,
        key: bytes('s/zz-late'),
        value: bytes('x'),
      }),
    )
    expect(BigInt(put.revision)).toBeGreaterThan(BigInt(revision))
    const updates = await finished(mine, searchId)
    expect(matchedKeys(updates)).toEqual([])
    expect(updates.at(-1)).toMatchObject({ state: 'done', total: KEY_COUNT + 1 })
  })
})
