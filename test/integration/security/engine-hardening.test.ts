import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { handleRequest } from '../../../src/main/contract/request-handlers'
import type { Engine } from '../../../src/main/engine/engine'
import { requestSchemas, type RequestChannel } from '../../../src/shared/contract'
import { hasErrors, type SpecIssue } from '../../../src/shared/validate-cluster-spec'
import { findEtcdProcesses } from '../../helpers/etcd-processes'
import { freeSpec, openTestEngine, waitHealthy } from '../../helpers/engine-fixture'

/** Arguments no channel may accept: wrong types, NUL bytes, huge strings, bad ports, paths. */
const HOSTILE: unknown[] = [
  null,
  undefined,
  42,
  'clusters',
  [],
  { cluster: 'a\u0000b' },
  { cluster: '../../etc' },
  { cluster: '/abs/path' },
  { cluster: 'x'.repeat(100_000) },
  { cluster: 'ok', member: '..' },
  { cluster: 'ok', member: 'a\u0000' },
  { cluster: 7, member: {} },
  {
    name: '../x',
    members: [{ name: 'a', clientPort: -1, peerPort: 70_000 }],
    etcdVersion: 'system',
    host: '127.0.0.1',
  },
  {
    name: 'ok',
    members: [{ name: 'a', clientPort: 1.5, peerPort: 'x' }],
    etcdVersion: '; rm -rf /',
    host: '127.0.0.1',
  },
  { name: 'ok', members: [], etcdVersion: 'system', host: '0.0.0.0; touch /tmp/pwned' },
  { cluster: 'ok', prefix: 'not bytes' },
  { cluster: 'ok', key: [1, 2, 3] },
  { cluster: 'ok', prefix: new Uint8Array(1), limit: -5 },
  { cluster: 'ok', prefix: new Uint8Array(1), revision: '-1' },
  { watchId: '../../x' },
  { memberCount: 1000 },
  { memberCount: -1, name: 'Bad Name' },
]

describe('the engine under hostile requests', () => {
  let engine: Engine
  const savedEnv = { ...process.env }

  beforeAll(async () => {
    // Variables that must never reach an etcd member.
    process.env.LD_PRELOAD = '/nonexistent/inject.so'
    process.env.NODE_OPTIONS = '--require /nonexistent/hook.js'
    process.env.DYLD_INSERT_LIBRARIES = '/nonexistent/inject.dylib'
    process.env.ETCD_NAME = 'hijacked'
    engine = await openTestEngine('hardening')
    await engine.createCluster(await freeSpec('target', 1))
  })

  afterAll(async () => {
    process.env = savedEnv
    await engine.close()
    expect(findEtcdProcesses(engine.layout.root)).toEqual([])
  })

  it('refuses every hostile argument on every channel with an error code', async () => {
    const channels = Object.keys(requestSchemas) as RequestChannel[]
    for (const channel of channels) {
      let refused = 0
      for (const arg of HOSTILE) {
        // Channels without arguments (app:info …) may accept an object with stray keys.
        if (requestSchemas[channel].safeParse(arg).success && channel !== 'cluster:validate')
          continue
        const result = await handleRequest(engine, channel, arg)
        const label = `${channel} accepted ${JSON.stringify(arg)?.slice(0, 80)}`
        if (channel === 'cluster:validate' && result.ok) {
          // Validation answers with the problems it found instead of failing.
          expect(hasErrors(result.value as SpecIssue[]), label).toBe(true)
        } else {
          expect(result.ok, label).toBe(false)
          if (!result.ok)
            expect(result.error.code).toMatch(/^(INVALID_REQUEST|INVALID_SPEC|CLUSTER_NOT_FOUND)$/)
        }
        refused++
      }
      expect(refused, channel).toBeGreaterThanOrEqual(HOSTILE.length - 6)
    }
  })

  it('is still healthy afterwards, and created nothing', async () => {
    const clusters = await handleRequest(engine, 'clusters:list', {})
    expect(clusters.ok && clusters.value.map((c) => c.definition.name)).toEqual(['target'])
    expect((await waitHealthy(engine, 'target'))?.healthyCount).toBe(1)
  })

  it('starts members without injection or etcd-flag variables in their environment', () => {
    const pid = engine.getCluster('target').members[0]!.pid!
    const environ = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0')
    const names = environ.map((e) => e.split('=')[0])
    for (const name of ['LD_PRELOAD', 'NODE_OPTIONS', 'DYLD_INSERT_LIBRARIES', 'ETCD_NAME']) {
      expect(names).not.toContain(name)
    }
    expect(names).toContain('PATH')
  })

  it('has members listen on 127.0.0.1 only', () => {
    const member = engine.getCluster('target').members[0]!
    const listening = readFileSync('/proc/net/tcp', 'utf8')
      .split('\n')
      .slice(1)
      .map((l) => l.trim().split(/\s+/))
      .filter((c) => c[3] === '0A')
      .map((c) => c[1]!)
    for (const port of [member.clientPort, member.peerPort]) {
      const hex = port.toString(16).toUpperCase().padStart(4, '0')
      const binds = listening.filter((local) => local.endsWith(`:${hex}`))
      expect(binds).toEqual([`0100007F:${hex}`])
    }
    const tcp6 = readFileSync('/proc/net/tcp6', 'utf8')
    expect(tcp6).not.toMatch(
      new RegExp(`:${member.clientPort.toString(16).toUpperCase().padStart(4, '0')} .* 0A `),
    )
  })
})
