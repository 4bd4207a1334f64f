import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { freePorts } from './free-port'
import { makeTestDir } from './test-dirs'

/** A single etcd member started directly, without the engine: a fixture for engine parts. */
export interface PlainEtcd {
  endpoint: string
  clientPort: number
  dir: string
  process: ChildProcess
  stop(): Promise<void>
}

/** Starts a one-member etcd from the etcd on PATH in a fresh test dir and waits for /health. */
export async function startPlainEtcd(label = 'plain'): Promise<PlainEtcd> {
  const [clientPort = 0, peerPort = 0] = await freePorts(2)
  const dir = makeTestDir(label)
  const client = `http://127.0.0.1:${clientPort}`
  const peer = `http://127.0.0.1:${peerPort}`
  const child = spawn(
    process.env.ETCD_BIN ?? 'etcd',
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
  const deadline = Date.now() + 20_000
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${client}/health`)
      if (res.ok) return { endpoint: client, clientPort, dir, process: child, stop }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  await stop()
  throw new Error(`plain etcd on ${client} did not become healthy`)
}
