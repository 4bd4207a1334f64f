import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ClusterDefinition } from '../src/shared/cluster'

/** A scratch folder for one benchmark, removed by `cleanup`. */
export function scratchDir(label: string): { dir: string; cleanup: () => void } {
  const root = join(tmpdir(), 'etcd-desk-bench')
  mkdirSync(root, { recursive: true })
  const dir = mkdtempSync(join(root, `${label}-`))
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

/** n distinct free loopback ports. */
export async function freePorts(n: number): Promise<number[]> {
  const ports = new Set<number>()
  while (ports.size < n) {
    ports.add(
      await new Promise<number>((resolve, reject) => {
        const server = createServer()
        server.once('error', reject)
        server.listen(0, '127.0.0.1', () => {
          const address = server.address()
          server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
        })
      }),
    )
  }
  return [...ports]
}

/** Median of a list of numbers. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** Members of a bench cluster on free ports. */
export async function benchMembers(
  count: number,
): Promise<{ name: string; clientPort: number; peerPort: number }[]> {
  const ports = await freePorts(count * 2)
  return Array.from({ length: count }, (_, i) => ({
    name: `etcd${i + 1}`,
    clientPort: ports[2 * i]!,
    peerPort: ports[2 * i + 1]!,
  }))
}

/** The baseline: the same etcd flags started by a plain script, all at once. */
export function spawnPlain(argsPerMember: string[][]): ChildProcess[] {
  return argsPerMember.map((args) => spawn('etcd', args, { stdio: 'ignore' }))
}

/** Polls every client URL's /health every `intervalMs` until all say healthy. */
export async function waitAllHealthy(clientUrls: string[], intervalMs = 50): Promise<void> {
  const healthy = async (url: string): Promise<boolean> => {
    try {
      const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) })
      return res.ok && ((await res.json()) as { health?: string }).health === 'true'
    } catch {
      return false
    }
  }
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if ((await Promise.all(clientUrls.map(healthy))).every(Boolean)) return
    await new Promise((r) => setTimeout(r, intervalMs))
  }
  throw new Error('baseline cluster did not become healthy within 60 s')
}

/** SIGKILLs plain processes and waits for them to exit. */
export async function killAll(children: ChildProcess[]): Promise<void> {
  await Promise.all(
    children.map(
      (c) =>
        new Promise<void>((resolve) => {
          if (c.exitCode !== null || c.signalCode !== null) return resolve()
          c.once('exit', () => resolve())
          c.kill('SIGKILL')
        }),
    ),
  )
}

/** Prints the benchmark's closing line. */
export function report(name: string, ratio: number, target: number, extra = ''): void {
  console.log(`${name}: ratio=${ratio.toFixed(3)} (target ≤ ${target})${extra ? ' ' + extra : ''}`)
}

/** A definition for the baseline script: same flags as the engine would generate. */
export function plainDefinition(
  label: string,
  members: ClusterDefinition['members'],
): ClusterDefinition {
  return {
    name: label,
    members,
    etcdVersion: 'system',
    host: '127.0.0.1',
    token: `${label}-${Date.now()}`,
    createdAt: new Date().toISOString(),
    resolvedVersion: '3.4.23',
  }
}
