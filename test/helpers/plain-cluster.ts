import { spawn, type ChildProcess } from 'node:child_process'
import { rmSync } from 'node:fs'
import { get as httpsGet } from 'node:https'
import { join } from 'node:path'
import { vi } from 'vitest'
import { systemTestEtcd, type TestEtcd } from './etcd-versions'
import { freePorts } from './free-port'
import { makeTestDir } from './test-dirs'

/** Why: cold start of 3 members takes up to ~2.6 s (ETCD-FACTS); leave headroom on a busy CI box. */
const CLUSTER_START_TIMEOUT_MS = 30_000

/** Why: /health on a member without quorum can take ~1 s to answer; do not hang a probe forever. */
const HEALTH_PROBE_TIMEOUT_MS = 2_000

/** One member of a plain cluster. */
interface PlainMember {
  name: string
  clientUrl: string
  peerUrl: string
  dataDir: string
  /** The current process (a new one after restart()). */
  process: ChildProcess
  pid: number
}

/** An N-member etcd cluster started directly, without the engine: a fixture for engine parts. */
export interface PlainCluster {
  members: PlainMember[]
  endpoints: string[]
  names: string[]
  dir: string
  /** The etcd line it runs. */
  etcd: TestEtcd
  /** SIGKILLs one member and waits for it to exit. */
  kill(name: string): Promise<void>
  /** Starts a killed member again on its data dir and waits until every member is healthy. */
  restart(name: string): Promise<void>
  /** SIGKILLs every member still running, waits for them to exit, and deletes the data dirs. */
  stop(): Promise<void>
  /** Members that exited without kill()/stop(), e.g. killed by another test run's cleanup. */
  unexpectedExits(): string[]
}

/** TLS on the client port: the server's files, and the client certificate health checks present. */
export interface PlainClusterTls {
  caFile: string
  serverCertFile: string
  serverKeyFile: string
  /** PEM, presented by the fixture's own health checks (mutual TLS). */
  client: { ca: Buffer; cert: Buffer; key: Buffer }
}

function memberArgs(
  m: Omit<PlainMember, 'process' | 'pid'>,
  initial: string,
  token: string,
  tls: PlainClusterTls | undefined,
) {
  return [
    ...(tls
      ? [
          `--cert-file=${tls.serverCertFile}`,
          `--key-file=${tls.serverKeyFile}`,
          `--trusted-ca-file=${tls.caFile}`,
          '--client-cert-auth',
        ]
      : []),
    `--name=${m.name}`,
    `--data-dir=${m.dataDir}`,
    `--listen-client-urls=${m.clientUrl}`,
    `--advertise-client-urls=${m.clientUrl}`,
    `--listen-peer-urls=${m.peerUrl}`,
    `--initial-advertise-peer-urls=${m.peerUrl}`,
    `--initial-cluster=${initial}`,
    `--initial-cluster-token=${token}`,
    '--initial-cluster-state=new',
    '--logger=zap',
  ]
}

async function killAndWait(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise<void>((r) => child.once('exit', () => r()))
  child.kill('SIGKILL')
  await exited
}

async function isHealthy(clientUrl: string, tls?: PlainClusterTls): Promise<boolean> {
  if (tls) return isHealthyOverTls(clientUrl, tls)
  try {
    const res = await fetch(`${clientUrl}/health`, {
      signal: AbortSignal.timeout(HEALTH_PROBE_TIMEOUT_MS),
    })
    return res.ok && ((await res.json()) as { health?: string }).health === 'true'
  } catch {
    return false
  }
}

function isHealthyOverTls(clientUrl: string, tls: PlainClusterTls): Promise<boolean> {
  return new Promise((resolve) => {
    const request = httpsGet(
      `${clientUrl}/health`,
      { ...tls.client, timeout: HEALTH_PROBE_TIMEOUT_MS },
      (res) => {
        let body = ''
        res.on('data', (chunk: Buffer) => (body += chunk.toString()))
        res.on('end', () => resolve(res.statusCode === 200 && body.includes('"true"')))
      },
    )
    request.on('error', () => resolve(false))
    request.on('timeout', () => request.destroy())
  })
}

/** Waits until every member answers /health; fails at once when one exits meanwhile. */
async function waitAllHealthy(members: PlainMember[], tls?: PlainClusterTls): Promise<void> {
  const exited = () => members.find((m) => m.process.exitCode !== null || m.process.signalCode)
  await vi.waitFor(
    async () => {
      if (exited()) return // reported below, without waiting for the deadline
      const health = await Promise.all(members.map((m) => isHealthy(m.clientUrl, tls)))
      const down = members.filter((_, i) => !health[i]).map((m) => m.name)
      if (down.length > 0) throw new Error(`plain cluster: ${down.join(', ')} not healthy`)
    },
    { timeout: CLUSTER_START_TIMEOUT_MS, interval: 100 },
  )
  const gone = exited()
  if (gone) {
    const { exitCode, signalCode } = gone.process
    throw new Error(`etcd member ${gone.name} exited during start (${exitCode ?? signalCode})`)
  }
}

/**
 * Starts `size` members of `etcd` (the one on PATH by default) at once (quorum needs them
 * together) and waits for /health on all.
 */
export async function startPlainCluster(
  size = 3,
  label = 'cluster',
  etcd: TestEtcd = systemTestEtcd(),
  /** Serve clients over TLS with these files (mutual TLS); peers stay plain. */
  tls?: PlainClusterTls,
): Promise<PlainCluster> {
  const ports = await freePorts(size * 2)
  const dir = makeTestDir(label)
  const specs = Array.from({ length: size }, (_, i) => ({
    name: `m${i + 1}`,
    clientUrl: `${tls ? 'https' : 'http'}://127.0.0.1:${ports[2 * i]}`,
    peerUrl: `http://127.0.0.1:${ports[2 * i + 1]}`,
    dataDir: join(dir, `m${i + 1}`),
  }))
  const initial = specs.map((s) => `${s.name}=${s.peerUrl}`).join(',')
  const token = `plain-${label}-${process.pid}-${Date.now()}`
  const killedByUs = new Set<string>()
  const unexpected: string[] = []
  const spawnMember = (s: (typeof specs)[number]): ChildProcess => {
    const child = spawn(etcd.etcd, memberArgs(s, initial, token, tls), { stdio: 'ignore' })
    child.once('error', (error) => unexpected.push(`${s.name} failed to start: ${error.message}`))
    child.once('exit', (code, signal) => {
      if (!killedByUs.has(s.name)) unexpected.push(`${s.name} exited (code ${code}, ${signal})`)
    })
    return child
  }
  const members: PlainMember[] = specs.map((s) => {
    const child = spawnMember(s)
    return { ...s, process: child, pid: child.pid ?? -1 }
  })
  const memberNamed = (name: string): PlainMember => {
    const member = members.find((m) => m.name === name)
    if (!member) throw new Error(`no member named ${name}`)
    return member
  }
  const kill = async (name: string): Promise<void> => {
    killedByUs.add(name)
    await killAndWait(memberNamed(name).process)
  }
  const restart = async (name: string): Promise<void> => {
    const member = memberNamed(name)
    if (member.process.exitCode === null && member.process.signalCode === null) {
      throw new Error(`member ${name} is still running`)
    }
    killedByUs.delete(name)
    member.process = spawnMember(member)
    member.pid = member.process.pid ?? -1
    await waitAllHealthy(members, tls)
  }
  const stop = async (): Promise<void> => {
    await Promise.all(members.map((m) => kill(m.name)))
    // Why: each member preallocates ≈123 MB of WAL (ETCD-FACTS); repeated runs would fill /tmp.
    rmSync(dir, { recursive: true, force: true })
  }
  try {
    await waitAllHealthy(members, tls)
  } catch (error) {
    await stop()
    throw error
  }
  return {
    members,
    endpoints: members.map((m) => m.clientUrl),
    names: members.map((m) => m.name),
    dir,
    etcd,
    kill,
    restart,
    stop,
    unexpectedExits: () => [...unexpected],
  }
}
