import { execFile } from 'node:child_process'
import { inspect, promisify } from 'node:util'
import { afterEach, expect, vi } from 'vitest'
import { Engine } from '../../src/main/engine/engine'
import type { EngineOptions } from '../../src/main/engine/engine-options'
import type { ClusterStatus, ClusterView } from '../../src/shared/cluster'
import { findEtcdProcesses } from './etcd-processes'
import { freePorts } from './free-port'
import { makeTestDir } from './test-dirs'

const execFileAsync = promisify(execFile)

/** Opens an engine on a fresh data directory under the test root. */
export async function openTestEngine(label: string, options: EngineOptions = {}): Promise<Engine> {
  return Engine.open({ dataDir: makeTestDir(label), ...options })
}

/** A spec on free ports (member i: etcd{i+1}) for clusters that need not use the tutorial ports. */
export async function freeSpec(name: string, count: number) {
  const ports = await freePorts(count * 2)
  return {
    name,
    etcdVersion: 'system',
    host: '127.0.0.1',
    members: Array.from({ length: count }, (_, i) => ({
      name: `etcd${i + 1}`,
      clientPort: ports[2 * i]!,
      peerPort: ports[2 * i + 1]!,
    })),
  }
}

/** Why 20 s: a 3-member start or an election takes ≈2–3 s (ETCD-FACTS); a busy CI box needs more. */
const ENGINE_WAIT_MS = 20_000

/** vi.waitFor options for anything etcd or the engine must do first (its default is only 1 s). */
export const ENGINE_WAIT = { timeout: ENGINE_WAIT_MS, interval: 50 }

/**
 * Polls `read` (vi.waitFor, every 100 ms) until `accept` holds and returns that value; on timeout
 * throws an error showing the last value read.
 */
export async function waitFor<T, S extends T>(
  read: () => T | Promise<T>,
  accept: (v: T) => v is S,
  timeoutMs?: number,
): Promise<S>
export async function waitFor<T>(
  read: () => T | Promise<T>,
  accept: (v: T) => boolean,
  timeoutMs?: number,
): Promise<T>
export async function waitFor<T>(
  read: () => T | Promise<T>,
  accept: (v: T) => boolean,
  timeoutMs = ENGINE_WAIT_MS,
): Promise<T> {
  return vi.waitFor(
    async () => {
      const value = await read()
      if (!accept(value)) {
        throw new Error(`no accepted value within ${timeoutMs} ms; last: ${inspect(value)}`)
      }
      return value
    },
    { timeout: timeoutMs, interval: 100 },
  )
}

/** Waits until the engine reports every member healthy with one leader; throws on timeout. */
export function waitHealthy(
  engine: Engine,
  cluster: string,
  timeoutMs = ENGINE_WAIT_MS,
): Promise<ClusterStatus> {
  return waitFor(
    () => engine.getStatus(cluster),
    (s): s is ClusterStatus =>
      s !== null && s.healthyCount === s.memberCount && s.leaderName !== null,
    timeoutMs,
  )
}

/** Runs etcdctl (API v3; the one on PATH unless `binary` is given) against a cluster's endpoints. */
export async function etcdctl(
  view: ClusterView,
  args: string[],
  binary = 'etcdctl',
): Promise<string> {
  const endpoints = view.members.map((m) => m.clientUrl).join(',')
  const { stdout } = await execFileAsync(binary, [`--endpoints=${endpoints}`, ...args], {
    env: { ...process.env, ETCDCTL_API: '3' },
    timeout: 20_000,
  })
  return stdout
}

/**
 * One engine per test, closed after it; then no etcd of its data directory may still run. Call
 * in a describe (or at file level); `set` hands the engine over, `get` reads it in the test.
 */
export function engineClosedAfterEach(): { get(): Engine; set(engine: Engine): Engine } {
  let engine: Engine | null = null
  afterEach(async () => {
    const root = engine?.layout.root
    await engine?.close()
    engine = null
    if (root) expect(findEtcdProcesses(root)).toEqual([])
  })
  return {
    get: () => {
      if (!engine) throw new Error('no engine opened in this test')
      return engine
    },
    set: (opened) => (engine = opened),
  }
}
