import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { vi } from 'vitest'
import { systemTestEtcd, type TestEtcd } from './etcd-versions'
import { freePorts } from './free-port'
import { makeTestDir } from './test-dirs'

const run = promisify(execFile)

/** Why 20 s: a 1-member etcd is healthy in well under a second; leave room for a busy CI box. */
const START_TIMEOUT_MS = 20_000

/** A single etcd member started directly, without the engine: a fixture for engine parts. */
export interface PlainEtcd {
  endpoint: string
  clientPort: number
  dir: string
  process: ChildProcess
  /** The etcd line it runs. */
  etcd: TestEtcd
  /** Runs the matching etcdctl (API v3) against this member and returns its stdout. */
  etcdctl(...args: string[]): Promise<string>
  stop(): Promise<void>
}

/** Starts a one-member etcd (the one on PATH unless `etcd` is given) and waits for /health. */
export async function startPlainEtcd(
  label = 'plain',
  etcd: TestEtcd = systemTestEtcd(),
): Promise<PlainEtcd> {
  const [clientPort = 0, peerPort = 0] = await freePorts(2)
  const dir = makeTestDir(label)
  const client = `http://127.0.0.1:${clientPort}`
  const peer = `http://127.0.0.1:${peerPort}`
  const child = spawn(
    etcd.etcd,
    [
      '--name=solo',
      `--data-dir=${join(dir, 'data')}`,
      `--listen-client-urls=${client}`,
      `--advertise-client-urls=${client}`,
      `--listen-peer-urls=${peer}`,
      `--initial-advertise-peer-urls=${peer}`,
      `--initial-cluster=solo=${peer}`,
      '--initial-cluster-token=plain-test',
      '--logger=zap',
    ],
    { stdio: 'ignore' },
  )
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise<void>((r) => child.once('exit', () => r()))
    child.kill('SIGKILL')
    await exited
  }
  const etcdctl = async (...args: string[]): Promise<string> => {
    const { stdout } = await run(etcd.etcdctl, [`--endpoints=${client}`, ...args], {
      env: { ...process.env, ETCDCTL_API: '3' },
    })
    return stdout
  }
  try {
    await vi.waitFor(
      async () => {
        if (child.exitCode !== null || child.signalCode !== null) return // reported below
        const res = await fetch(`${client}/health`)
        if (!res.ok) throw new Error(`plain etcd on ${client}: /health answered ${res.status}`)
      },
      { timeout: START_TIMEOUT_MS, interval: 100 },
    )
  } catch (error) {
    await stop()
    throw new Error(`plain etcd ${etcd.version} on ${client} did not become healthy`, {
      cause: error,
    })
  }
  if (child.exitCode !== null || child.signalCode !== null) {
    throw new Error(`plain etcd ${etcd.version} on ${client} exited during start`)
  }
  return { endpoint: client, clientPort, dir, process: child, etcd, etcdctl, stop }
}
