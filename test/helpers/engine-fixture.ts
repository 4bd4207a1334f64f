import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { Engine } from '../../src/main/engine/engine'
import type { EngineOptions } from '../../src/main/engine/engine-options'
import type { ClusterStatus, ClusterView } from '../../src/shared/cluster'
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

/** Polls `read` until `accept` holds or the deadline passes; returns the last value. */
export async function waitFor<T>(
  read: () => T | Promise<T>,
  accept: (v: T) => boolean,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  let value = await read()
  while (!accept(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100))
    value = await read()
  }
  return value
}

/** Waits until the engine reports every member healthy with one leader. */
export function waitHealthy(
  engine: Engine,
  cluster: string,
  timeoutMs = 20_000,
): Promise<ClusterStatus | null> {
  return waitFor(
    () => engine.getStatus(cluster),
    (s) => s !== null && s.healthyCount === s.memberCount && s.leaderName !== null,
    timeoutMs,
  )
}

/** Runs etcdctl (API v3) against a cluster's endpoints and returns stdout. */
export async function etcdctl(view: ClusterView, ...args: string[]): Promise<string> {
  const endpoints = view.members.map((m) => m.clientUrl).join(',')
  const { stdout } = await execFileAsync('etcdctl', [`--endpoints=${endpoints}`, ...args], {
    env: { ...process.env, ETCDCTL_API: '3' },
    timeout: 20_000,
  })
  return stdout
}
