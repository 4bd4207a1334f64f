import { execFile } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Engine } from '../../../src/main/engine/engine'
import { tlsFilesOf } from '../../../src/main/tls/tls-files'
import { findEtcdProcesses } from '../../helpers/etcd-processes'
import { freeSpec, openTestEngine, waitFor, waitHealthy } from '../../helpers/engine-fixture'
import { testEtcdLines } from '../../helpers/etcd-versions'

const execFileAsync = promisify(execFile)
const text = (s: string): Uint8Array => new TextEncoder().encode(s)

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)],
  )
}

describe.each(testEtcdLines())('a TLS cluster on etcd $version', (etcd) => {
  let engine: Engine

  beforeAll(async () => {
    engine = await openTestEngine(`tls-${etcd.line}`, { etcdPath: etcd.etcd })
    await engine.createCluster({ ...(await freeSpec('secure', 3)), tls: true })
    await waitHealthy(engine, 'secure')
  })

  afterAll(async () => {
    await engine?.close()
    expect(findEtcdProcesses(engine.layout.root)).toEqual([])
  })

  /** etcdctl of this etcd line against the cluster, with the flags given. */
  const etcdctl = (flags: string[], args: string[]) =>
    execFileAsync(etcd.etcdctl, [...flags, ...args], {
      env: { ...process.env, ETCDCTL_API: '3' },
      timeout: 20_000,
    })

  it('serves https with client certificates on both ports; the engine reads and writes over it', async () => {
    const view = engine.getCluster('secure')
    expect(view.members.every((m) => m.clientUrl.startsWith('https://'))).toBe(true)
    expect(view.members.every((m) => m.peerUrl.startsWith('https://'))).toBe(true)
    const commands = await engine.clusterCommands('secure')
    for (const flag of [
      '--cert-file=',
      '--trusted-ca-file=',
      '--client-cert-auth',
      '--peer-cert-file=',
      '--peer-client-cert-auth',
    ]) {
      expect(commands.members[0]!.etcd).toContain(flag)
    }
    await engine.keys.put('secure', text('/tls/a'), text('over TLS'))
    const entry = await engine.keys.get('secure', text('/tls/a'))
    expect(new TextDecoder().decode(entry.value ?? new Uint8Array())).toBe('over TLS')
    // The write probe and the status poller present the engine's client certificate too.
    await engine.probes.start('secure')
    const stats = await waitFor(
      () => engine.probes.stats('secure'),
      (s) => s.totals.ok >= 10,
    )
    expect(stats.totals.failed, stats.lastError ?? '').toBe(0)
    await engine.probes.stop('secure')
  })

  it('lets etcdctl in with the shown certificate files, and refuses plain http and a client without a certificate', async () => {
    const view = engine.getCluster('secure')
    const { etcdctlTls } = await engine.clusterCommands('secure')
    const endpoints = `--endpoints=${view.members.map((m) => m.clientUrl).join(',')}`
    await etcdctl([endpoints, ...etcdctlTls], ['put', '/tls/b', 'from etcdctl'])
    const { stdout } = await etcdctl(
      [endpoints, ...etcdctlTls],
      ['get', '/tls/b', '--print-value-only'],
    )
    expect(stdout.trim()).toBe('from etcdctl')

    const member = view.members[0]!
    const plain = `--endpoints=http://127.0.0.1:${member.clientPort}`
    await expect(
      etcdctl([plain, '--dial-timeout=2s', '--command-timeout=3s'], ['get', '/tls/b']),
    ).rejects.toThrow()
    const caOnly = etcdctlTls.filter((f) => f.startsWith('--cacert='))
    await expect(
      etcdctl(
        [`--endpoints=${member.clientUrl}`, ...caOnly, '--dial-timeout=2s', '--command-timeout=3s'],
        ['get', '/tls/b'],
      ),
    ).rejects.toThrow()
  })

  it('gives a member added later its own certificates from the cluster CA', async () => {
    const suggested = await engine.membership.suggest('secure')
    await engine.membership.add('secure', { ...suggested, asLearner: true })
    const added = engine.getCluster('secure').members.find((m) => m.name === suggested.name)
    expect(added).toMatchObject({ state: 'running', isLearner: true })
    expect(added?.clientUrl).toMatch(/^https:/)
    const files = tlsFilesOf(engine.layout, 'secure').member(suggested.name)
    expect(statSync(files.peerCert).isFile()).toBe(true)
    await engine.membership.remove('secure', suggested.name, false)
  })

  it('lists every certificate with its files, and the checker finds no problem in them', async () => {
    const listed = await engine.clusterCertificates('secure')
    expect(listed.map((c) => c.label)).toEqual([
      'Certificate authority',
      ...['etcd1', 'etcd2', 'etcd3'].flatMap((m) => [`${m} server`, `${m} peer`]),
      'etcdctl client',
      'etcd Desk client',
    ])
    for (const c of listed) expect(c.findings, c.label).toEqual([])
    const peer = listed.find((c) => c.label === 'etcd1 peer')!
    expect(peer.summary?.usages).toEqual(['server-auth', 'client-auth'])
    expect(peer.summary?.subjectAltNames).toContainEqual({ type: 'IP', value: '127.0.0.1' })
  })

  it('keeps every certificate and key owner-only', () => {
    const files = filesUnder(tlsFilesOf(engine.layout, 'secure').dir)
    // A CA, two clients, and a server and a peer certificate per member: each a cert and a key.
    expect(files).toHaveLength(2 * (1 + 2 + 3 * 2))
    for (const file of files) expect((statSync(file).mode & 0o077).toString(8), file).toBe('0')
  })
})
