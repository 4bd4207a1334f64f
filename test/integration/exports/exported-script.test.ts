/**
 * The export of a real TLS cluster (2 members, etcd 3.5.16) starts the same cluster elsewhere:
 * the engine writes the export (browser mode's .tar.gz), the cluster is stopped, the archive is
 * unpacked and its start-cluster.sh run on the cluster's own (now free) ports; etcdctl with the
 * exported certificates finds it healthy and writes and reads a key; stop-cluster.sh stops it by
 * its pid files and no etcd started from the export is left. A member given another host gets
 * certificates issued for it from the cluster's CA.
 */
import { execFile } from 'node:child_process'
import { X509Certificate } from 'node:crypto'
import { readdirSync, readFileSync, readlinkSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { extract } from 'tar'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Engine } from '../../../src/main/engine/engine'
import type { ClusterView } from '../../../src/shared/cluster'
import { findEtcdProcesses } from '../../helpers/etcd-processes'
import { etcd35 } from '../../helpers/etcd-versions'
import { ENGINE_WAIT, freeSpec, openTestEngine, waitHealthy } from '../../helpers/engine-fixture'
import { makeTestDir } from '../../helpers/test-dirs'

const run = promisify(execFile)

/** Pids of etcd processes running in `dir` (the export starts them there, with relative paths). */
function etcdsIn(dir: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        const exe = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0] ?? ''
        return /(^|\/)etcd$/.test(exe) && readlinkSync(`/proc/${pid}/cwd`) === dir
      } catch {
        // The process ended meanwhile, or is not ours to read.
        return false
      }
    })
    .map(Number)
}

describe('an exported bash script', () => {
  const etcd = etcd35()
  let engine: Engine
  let view: ClusterView
  let folder: string

  const etcdctl = async (...args: string[]) => {
    const endpoints = view.members.map((m) => m.clientUrl).join(',')
    const tls = [
      '--cacert=tls/ca.crt',
      '--cert=tls/clients/etcdctl.crt',
      '--key=tls/clients/etcdctl.key',
    ]
    const { stdout } = await run(etcd.etcdctl, [`--endpoints=${endpoints}`, ...tls, ...args], {
      cwd: folder,
      env: { ...process.env, ETCDCTL_API: '3' },
      timeout: 10_000,
    })
    return stdout
  }

  beforeAll(async () => {
    engine = await openTestEngine('cluster-export', { etcdPath: etcd.etcd })
    view = await engine.createCluster({ ...(await freeSpec('exported', 2)), tls: true })
    await waitHealthy(engine, 'exported')
  })

  afterAll(async () => {
    // Whatever a failed test left: every etcd the export started is killed by its pid file.
    for (const pid of folder ? etcdsIn(folder) : []) process.kill(pid, 'SIGKILL')
    await engine?.close()
    if (engine) expect(findEtcdProcesses(engine.layout.root)).toEqual([])
  })

  it('writes an archive holding the scripts, the units and the TLS files', async () => {
    const result = await engine.clusterExports.write('exported')
    expect(result?.archive).toMatch(/^exported-etcd-export-\d{8}T\d{6}Z\.tar\.gz$/)
    const archive = await engine.clusterExports.archiveFile(result?.archive ?? '')
    expect(archive).not.toBeNull()
    const into = makeTestDir('cluster-export-unpacked')
    await extract({ file: archive ?? '', cwd: into })
    folder = join(into, (result?.archive ?? '').replace(/\.tar\.gz$/, ''))
    for (const file of ['README.txt', 'Procfile', 'docker-compose.yml', 'start-cluster.ps1'])
      expect(statSync(join(folder, file)).isFile(), file).toBe(true)
    expect(statSync(join(folder, 'systemd', 'etcd-exported-etcd2.service')).isFile()).toBe(true)
    expect(statSync(join(folder, 'start-cluster.sh')).mode & 0o777).toBe(0o755)
    expect(statSync(join(folder, 'tls', 'members', 'etcd1', 'server.key')).mode & 0o777).toBe(0o600)
    expect(readdirSync(join(folder, 'tls'))).not.toContain('ca.key')
  })

  it('issues certificates from the cluster CA for a member given another host', async () => {
    const result = await engine.clusterExports.write('exported', { etcd1: '10.9.8.7' })
    const into = makeTestDir('cluster-export-hosts')
    await extract({
      file: (await engine.clusterExports.archiveFile(result?.archive ?? '')) ?? '',
      cwd: into,
    })
    const tls = join(into, (result?.archive ?? '').replace(/\.tar\.gz$/, ''), 'tls')
    const ca = new X509Certificate(readFileSync(join(tls, 'ca.crt')))
    const issued = new X509Certificate(readFileSync(join(tls, 'members', 'etcd1', 'peer.crt')))
    expect(issued.subjectAltName).toContain('IP Address:10.9.8.7')
    expect(issued.subjectAltName).toContain('IP Address:127.0.0.1')
    expect(issued.verify(ca.publicKey)).toBe(true)
    // The member that keeps the cluster's host gets a copy of its own certificate.
    const own = join(engine.layout.clusterDir('exported'), 'tls', 'members', 'etcd2', 'server.crt')
    expect(readFileSync(join(tls, 'members', 'etcd2', 'server.crt'), 'utf8')).toBe(
      readFileSync(own, 'utf8'),
    )
    expect(result?.files).toBeGreaterThan(0)
  })

  it('starts the same cluster once etcd Desk stopped it; etcdctl reads a key', async () => {
    await engine.stopCluster('exported')
    const { stdout } = await run('bash', [join(folder, 'start-cluster.sh')], {
      env: { ...process.env, ETCD_BIN: etcd.etcd },
      timeout: 10_000,
    })
    expect(stdout).toMatch(/started etcd1 \(pid \d+\)/)
    expect(stdout).toMatch(/started etcd2 \(pid \d+\)/)
    await vi.waitFor(async () => {
      const health = await etcdctl('endpoint', 'health')
      expect(health.match(/is healthy/g)).toHaveLength(2)
    }, ENGINE_WAIT)
    const members = await etcdctl('member', 'list')
    expect(members).toMatch(/etcd1, https:\/\/127\.0\.0\.1:\d+/)
    expect(members).toMatch(/etcd2, https:\/\/127\.0\.0\.1:\d+/)
    await etcdctl('put', 'exported/key', 'from the export')
    expect(await etcdctl('get', 'exported/key', '--print-value-only')).toBe('from the export\n')
  })

  it('stops by its pid files and leaves no etcd behind', async () => {
    const pids = readdirSync(join(folder, 'run')).map((f) =>
      Number(readFileSync(join(folder, 'run', f), 'utf8').trim()),
    )
    expect(pids).toHaveLength(2)
    expect(etcdsIn(folder).sort()).toEqual([...pids].sort())
    const { stdout } = await run('bash', [join(folder, 'stop-cluster.sh')], { timeout: 30_000 })
    expect(stdout).toMatch(/stopped etcd1/)
    expect(etcdsIn(folder)).toEqual([])
    expect(readdirSync(join(folder, 'run'))).toEqual([])
  })
})
