import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { connect as connectTcp } from 'node:net'
import { connect as connectTls } from 'node:tls'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Engine } from '../../../src/main/engine/engine'
import { tlsFilesOf } from '../../../src/main/tls/tls-files'
import { sharesClientPortSafely } from '../../../src/shared/tls-switch'
import { findEtcdProcesses } from '../../helpers/etcd-processes'
import { freeSpec, openTestEngine, waitHealthy } from '../../helpers/engine-fixture'
import { testEtcdLines } from '../../helpers/etcd-versions'

const execFileAsync = promisify(execFile)
const text = (s: string): Uint8Array => new TextEncoder().encode(s)
const decode = (b: Uint8Array | null | undefined): string =>
  new TextDecoder().decode(b ?? undefined)

/** The serial number of the certificate a member serves on its client port (mutual TLS). */
function servedSerial(engine: Engine, cluster: string, port: number): Promise<string> {
  const files = tlsFilesOf(engine.layout, cluster)
  return new Promise((resolve, reject) => {
    const socket = connectTls(
      {
        host: '127.0.0.1',
        port,
        ca: readFileSync(files.ca),
        cert: readFileSync(files.engineCert),
        key: readFileSync(files.engineKey),
        servername: 'localhost',
      },
      () => {
        resolve(socket.getPeerCertificate().serialNumber)
        socket.end()
      },
    )
    socket.once('error', reject)
  })
}

/** True when something accepts TCP connections on the port. */
function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connectTcp({ host: '127.0.0.1', port })
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

describe.each(testEtcdLines())('Enable TLS and Rotate certificates on etcd $version', (etcd) => {
  let engine: Engine
  const cluster = 'switch'

  beforeAll(async () => {
    engine = await openTestEngine(`tls-switch-${etcd.line}`, { etcdPath: etcd.etcd })
    await engine.createCluster(await freeSpec(cluster, 3))
    await waitHealthy(engine, cluster)
  })

  afterAll(async () => {
    await engine?.close()
    expect(findEtcdProcesses(engine.layout.root)).toEqual([])
  })

  const etcdctl = (args: string[]) =>
    execFileAsync(etcd.etcdctl, args, {
      env: { ...process.env, ETCDCTL_API: '3' },
      timeout: 20_000,
    })

  it('refuses to rotate the certificates of a plain cluster', async () => {
    await expect(engine.tlsChanges.rotate(cluster)).rejects.toMatchObject({ code: 'TLS_OFF' })
  })

  it('turns TLS on for the running cluster member by member, with the probe writing throughout', async () => {
    for (let i = 0; i < 20; i++) await engine.keys.put(cluster, text(`/before/${i}`), text(`v${i}`))
    const report = await engine.tlsChanges.enable(cluster)

    // Three phases, three members each; what the write probe saw meanwhile.
    expect(report.restarts.map((r) => r.phase)).toEqual([
      ...Array<string>(3).fill('material'),
      ...Array<string>(3).fill('peers'),
      ...Array<string>(3).fill('https-only'),
    ])
    expect(report.probe?.ok).toBeGreaterThan(20)
    // 0 in nearly every run; nine restarts and three leader hand-overs on a loaded 2-core CI box
    // have, rarely, let one write pass the probe's 1 s deadline (DEADLINE_EXCEEDED, once in
    // about six full runs). More than one is a real loss.
    expect(report.probe?.failed, engine.probes.stats(cluster).lastError ?? '').toBeLessThanOrEqual(
      1,
    )
    // Debian's 3.4.23 cannot serve http and https on one port safely: plain http moved aside.
    expect(report.plainPorts).toHaveLength(sharesClientPortSafely(etcd.version) ? 0 : 3)
    expect(report.commands).toContainEqual(
      expect.stringMatching(/ member update [0-9a-f]+ --peer-urls=https:\/\//),
    )

    const view = engine.getCluster(cluster)
    expect(view.definition).toMatchObject({ tls: true, tlsSwitch: null })
    expect(view.definition.members.every((m) => m.plainClientPort === undefined)).toBe(true)
    for (const member of view.members) {
      expect(member.clientUrl).toBe(`https://127.0.0.1:${member.clientPort}`)
      expect(member.peerUrl).toBe(`https://127.0.0.1:${member.peerPort}`)
    }
    for (const { port } of report.plainPorts) expect(await isListening(port)).toBe(false)

    // etcd itself lists https peer URLs; etcdctl with the shown certificates reads the old keys.
    const { etcdctlTls } = await engine.clusterCommands(cluster)
    const endpoints = `--endpoints=${view.members.map((m) => m.clientUrl).join(',')}`
    const listed = JSON.parse(
      (await etcdctl([endpoints, ...etcdctlTls, 'member', 'list', '-w', 'json'])).stdout,
    ) as {
      members: { name: string; peerURLs: string[]; clientURLs: string[] }[]
    }
    expect(listed.members.flatMap((m) => m.peerURLs).every((u) => u.startsWith('https://'))).toBe(
      true,
    )
    const { stdout } = await etcdctl([
      endpoints,
      ...etcdctlTls,
      'get',
      '/before/7',
      '--print-value-only',
    ])
    expect(stdout.trim()).toBe('v7')
    // The engine's own clients moved to https: a write and a read through them.
    await engine.keys.put(cluster, text('/after'), text('over TLS'))
    expect(decode((await engine.keys.get(cluster, text('/after'))).value)).toBe('over TLS')

    // Plain http on the client port is gone.
    const plain = `--endpoints=http://127.0.0.1:${view.members[0]!.clientPort}`
    await expect(
      etcdctl([plain, '--dial-timeout=2s', '--command-timeout=3s', 'get', '/after']),
    ).rejects.toThrow()
  })

  it('refuses to enable TLS twice', async () => {
    await expect(engine.tlsChanges.enable(cluster)).rejects.toMatchObject({
      code: 'TLS_ALREADY_ON',
    })
  })

  it('rotates every certificate from the same CA, member by member, without a failed write', async () => {
    const view = engine.getCluster(cluster)
    const before = await Promise.all(
      view.members.map((m) => servedSerial(engine, cluster, m.clientPort)),
    )
    const caBefore = readFileSync(tlsFilesOf(engine.layout, cluster).ca, 'utf8')
    const etcdctlCertBefore = readFileSync(tlsFilesOf(engine.layout, cluster).etcdctlCert, 'utf8')

    const report = await engine.tlsChanges.rotate(cluster)

    expect(report.restarts.map((r) => r.member).sort()).toEqual(['etcd1', 'etcd2', 'etcd3'])
    expect(report.probe?.failed, engine.probes.stats(cluster).lastError ?? '').toBe(0)
    const after = await Promise.all(
      view.members.map((m) => servedSerial(engine, cluster, m.clientPort)),
    )
    after.forEach((serial, i) => expect(serial).not.toBe(before[i]))
    expect(readFileSync(tlsFilesOf(engine.layout, cluster).ca, 'utf8')).toBe(caBefore)
    expect(readFileSync(tlsFilesOf(engine.layout, cluster).etcdctlCert, 'utf8')).not.toBe(
      etcdctlCertBefore,
    )
    await waitHealthy(engine, cluster)
    const { etcdctlTls } = await engine.clusterCommands(cluster)
    const endpoints = `--endpoints=${view.members.map((m) => m.clientUrl).join(',')}`
    await etcdctl([endpoints, ...etcdctlTls, 'put', '/rotated', 'yes'])
    expect(decode((await engine.keys.get(cluster, text('/rotated'))).value)).toBe('yes')
  })
})

describe('Enable TLS with a learner on an etcd whose member update makes it a voter', () => {
  let engine: Engine

  afterAll(async () => {
    await engine?.close()
    expect(findEtcdProcesses(engine.layout.root)).toEqual([])
  })

  it('is refused, naming the learner, and nothing changes', async () => {
    engine = await openTestEngine('tls-switch-learner')
    await engine.createCluster(await freeSpec('learned', 1))
    await waitHealthy(engine, 'learned')
    const suggested = await engine.membership.suggest('learned')
    await engine.membership.add('learned', { ...suggested, asLearner: true })
    await expect(engine.tlsChanges.enable('learned')).rejects.toMatchObject({
      code: 'LEARNER_UPDATE_UNSAFE',
      detail: { member: suggested.name },
    })
    expect(engine.getCluster('learned').definition.tlsSwitch ?? null).toBeNull()
    expect(
      engine.getCluster('learned').members.every((m) => m.clientUrl.startsWith('http://')),
    ).toBe(true)
  })
})
