import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { endpointsOf } from '../../../src/main/cluster/etcd-flags'
import type { Engine } from '../../../src/main/engine/engine'
import type { ClusterView, LeaderChange } from '../../../src/shared/cluster'
import { etcdctlSuggestions } from '../../../src/shared/etcdctl-suggestions'
import { findEtcdProcesses } from '../../helpers/etcd-processes'
import { etcdctl, openTestEngine, waitFor, waitHealthy } from '../../helpers/engine-fixture'
import { testEtcdLines } from '../../helpers/etcd-versions'

const execFileAsync = promisify(execFile)
const text = (s: string): Uint8Array => new TextEncoder().encode(s)
const decode = (b: Uint8Array | null): string => new TextDecoder().decode(b ?? new Uint8Array())

// One engine and one cluster per etcd line, on the tutorial ports (one line after the other).
describe.each(testEtcdLines())('a 3-member cluster on etcd $version, tutorial ports', (etcd) => {
  let engine: Engine
  const leaderChanges: LeaderChange[] = []
  const cli = (...args: string[]) => etcdctl(engine.getCluster('tutorial'), args, etcd.etcdctl)

  beforeAll(async () => {
    engine = await openTestEngine(`three-${etcd.line}`, { etcdPath: etcd.etcd })
    engine.on('leader-change', (_cluster, change) => leaderChanges.push(change))
  })

  afterAll(async () => {
    await engine.close()
    expect(findEtcdProcesses(engine.layout.root)).toEqual([])
  })

  it('suggests the tutorial ports and starts all members healthy', async () => {
    const spec = await engine.suggestSpec(3, 'tutorial')
    expect(spec.members.map((m) => [m.clientPort, m.peerPort])).toEqual([
      [2379, 2380],
      [12379, 12380],
      [22379, 22380],
    ])
    const view = await engine.createCluster(spec)
    expect(view.state).toBe('running')
    expect(view.members.every((m) => m.state === 'running' && m.pid !== null)).toBe(true)
    const status = await waitHealthy(engine, 'tutorial')
    expect(status.healthyCount).toBe(3)
    expect(status.members.filter((m) => m.isLeader)).toHaveLength(1)
    expect(status.members.map((m) => m.version)).toEqual([etcd.version, etcd.version, etcd.version])
    const processes = findEtcdProcesses(engine.layout.root)
    expect(processes.map((p) => p.args[0])).toEqual([etcd.etcd, etcd.etcd, etcd.etcd])
  })

  it('agrees with etcdctl member list', async () => {
    const listed = JSON.parse(await cli('member', 'list', '-w', 'json')) as {
      members: { ID: number | string; name: string; clientURLs: string[] }[]
    }
    expect(listed.members.map((m) => m.name).sort()).toEqual(['etcd1', 'etcd2', 'etcd3'])
    const status = engine.getStatus('tutorial')
    expect(status?.memberList.map((m) => m.name).sort()).toEqual(['etcd1', 'etcd2', 'etcd3'])
    expect(listed.members.every((m) => m.clientURLs.length === 1)).toBe(true)
  })

  it('writes through the engine what etcdctl reads, and the other way round', async () => {
    await engine.keys.put('tutorial', text('/greeting'), text('hello etcd'))
    expect(await cli('get', '/greeting', '--print-value-only')).toBe('hello etcd\n')
    await cli('put', '/from-cli', 'typed by hand')
    expect(decode((await engine.keys.get('tutorial', text('/from-cli'))).value)).toBe(
      'typed by hand',
    )
  })

  it('shows the exact, copyable etcd command of each member', async () => {
    const { members: commands } = await engine.clusterCommands('tutorial')
    expect(commands).toHaveLength(3)
    expect(commands[1]?.etcd).toContain(
      '--initial-cluster=etcd1=http://127.0.0.1:2380,etcd2=http://127.0.0.1:12380',
    )
    const pid = engine.getCluster('tutorial').members[1]?.pid
    const argv = findEtcdProcesses(engine.layout.root)
      .find((p) => p.pid === pid)
      ?.args.slice(1)
    expect(argv).toEqual(commands[1]?.args)
  })

  it('offers etcdctl commands that run as shown, with the cluster’s own etcdctl', async () => {
    const { etcdctl: binary } = await engine.clusterCommands('tutorial')
    expect(binary).toBe(etcd.etcdctl)
    const suggestions = etcdctlSuggestions(
      binary,
      endpointsOf(engine.getCluster('tutorial').definition),
    )
    const outputs = new Map<string, string>()
    for (const s of suggestions.filter((s) => !s.isLongRunning)) {
      // Through a shell, exactly as pasted into a terminal.
      const { stdout, stderr } = await execFileAsync('bash', ['-c', s.command], { timeout: 20_000 })
      outputs.set(s.topic, stdout + stderr) // etcdctl 3.4 prints endpoint health on stderr
    }
    const [members, status, health, keys] = [...outputs.values()] as [
      string,
      string,
      string,
      string,
    ]
    for (const name of ['etcd1', 'etcd2', 'etcd3']) expect(members).toContain(name)
    for (const port of [2379, 12379, 22379]) expect(status).toContain(`127.0.0.1:${port}`)
    expect(status).toMatch(/\|\s+true\s+\|/) // the IS LEADER column of exactly one row
    expect(health.match(/is healthy/g)).toHaveLength(3)
    expect(keys).toContain('/greeting')
  })

  it('keeps serving when a follower is killed from outside, and shows it crashed', async () => {
    const status = await waitHealthy(engine, 'tutorial')
    const follower = engine
      .getCluster('tutorial')
      .members.find((m) => m.name !== status.leaderName)!
    process.kill(follower.pid!, 'SIGKILL')
    const crashed = await waitFor(
      () => engine.getCluster('tutorial').members.find((m) => m.name === follower.name)!,
      (m) => m.state === 'crashed',
    )
    expect(crashed.state).toBe('crashed')
    expect(crashed.lastExit?.signal).toBe('SIGKILL')
    expect(crashed.lastExit?.reason).toContain('unexpectedly')
    expect(engine.getCluster('tutorial').state).toBe('degraded')
    await engine.keys.put('tutorial', text('/still'), text('serving'))
    const degraded = await waitFor(
      () => engine.getStatus('tutorial'),
      (s) => s?.healthyCount === 2,
    )
    expect(degraded?.healthyCount).toBe(2)
  })

  it('restarts the crashed member and it rejoins', async () => {
    const name = engine.getCluster('tutorial').members.find((m) => m.state === 'crashed')!.name
    await engine.restartMember('tutorial', name)
    const status = await waitHealthy(engine, 'tutorial')
    expect(status.healthyCount).toBe(3)
    expect(await cli('get', '/still', '--print-value-only')).toBe('serving\n')
  })

  it('reports a new leader after the leader is killed', async () => {
    const before = (await waitHealthy(engine, 'tutorial')).leaderName!
    await engine.killMember('tutorial', before)
    const killed = engine.getCluster('tutorial').members.find((m) => m.name === before)!
    expect(killed.state).toBe('stopped')
    expect(killed.lastExit?.reason).toContain('SIGKILL')
    const after = await waitFor(
      () => engine.getStatus('tutorial'),
      (s) => s?.leaderName !== null && s?.leaderName !== before,
    )
    expect(after?.leaderName).not.toBe(before)
    expect(after?.leaderName).toBeTruthy()
    expect(leaderChanges.some((c) => c.to !== null && c.to !== before)).toBe(true)
    await engine.startMember('tutorial', before)
    expect((await waitHealthy(engine, 'tutorial')).healthyCount).toBe(3)
  })

  it('refuses to start a running cluster or delete it', async () => {
    await expect(engine.startCluster('tutorial')).rejects.toMatchObject({ code: 'CLUSTER_RUNNING' })
    await expect(engine.deleteCluster('tutorial')).rejects.toMatchObject({
      code: 'CLUSTER_RUNNING',
    })
  })

  it('stops followers first, then the leader, leaving no process', async () => {
    const leader = (await waitHealthy(engine, 'tutorial')).leaderName!
    const stopped: string[] = []
    const onCluster = (changed: ClusterView): void => {
      if (changed.definition.name !== 'tutorial') return
      for (const m of changed.members) {
        if (m.state === 'stopped' && !stopped.includes(m.name)) stopped.push(m.name)
      }
    }
    engine.on('cluster', onCluster)
    const view = await engine
      .stopCluster('tutorial')
      .finally(() => engine.off('cluster', onCluster))
    expect(stopped).toHaveLength(3)
    expect(stopped.at(-1)).toBe(leader)
    expect(view.state).toBe('stopped')
    expect(view.members.every((m) => m.state === 'stopped' && m.pid === null)).toBe(true)
    expect(findEtcdProcesses(engine.layout.root)).toEqual([])
  })
})
