import { connect, createServer, type Server, type Socket } from 'node:net'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { silentLog } from '../../../src/main/log/engine-log'
import { initialMemberId } from '../../../src/main/faults/member-names'
import { PeerProxies } from '../../../src/main/faults/peer-proxies'
import { probePort } from '../../../src/main/ports/port-probe'
import type { MemberDefinition } from '../../../src/shared/cluster'
import { freePorts } from '../../helpers/free-port'

const TOKEN = 'unit-token'
const WAIT = { timeout: 5_000, interval: 10 }

/** A stand-in for a member's peer port: echoes what it gets, remembers its connections. */
async function fakeMember(port: number) {
  const sockets = new Set<Socket>()
  const server: Server = createServer((s) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
    s.on('error', () => undefined)
    s.pipe(s)
  })
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r))
  return { sockets, close: () => new Promise((r) => server.close(r)) }
}

/** Three fake members behind their proxies. */
async function setUp() {
  const ports = await freePorts(6)
  const members: MemberDefinition[] = [0, 1, 2].map((i) => ({
    name: `etcd${i + 1}`,
    clientPort: 1,
    peerPort: ports[2 * i]!,
    proxyPort: ports[2 * i + 1]!,
  }))
  const backends = await Promise.all(members.map((m) => fakeMember(m.peerPort)))
  const proxies = new PeerProxies(members, {
    cluster: 'unit',
    host: '127.0.0.1',
    token: TOKEN,
    log: silentLog(),
  })
  await proxies.listenAll()
  const idOf = (name: string) => {
    const m = members.find((x) => x.name === name)
    // A member added later has no initial id: the tests give it 'add3d' (see proxies.add).
    return m ? initialMemberId([`http://127.0.0.1:${m.proxyPort}`], TOKEN) : 'add3d'
  }
  /** Dials `to`'s proxy as member `from` would (null: no header), returns the echoing socket. */
  const dial = async (from: string | null, to: string) => {
    const port = members.find((m) => m.name === to)!.proxyPort!
    const socket = connect(port, '127.0.0.1')
    socket.on('error', () => undefined)
    const received: string[] = []
    socket.on('data', (d: Buffer) => received.push(d.toString()))
    await new Promise((r) => socket.once('connect', r))
    const header = from === null ? '' : `X-Server-From: ${idOf(from)}\r\n`
    socket.write(`GET /raft/stream/message/x HTTP/1.1\r\nHost: h\r\n${header}\r\n`)
    return { socket, received, isClosed: () => socket.destroyed || socket.readyState === 'closed' }
  }
  cleanups.push(async () => {
    await proxies.close()
    await Promise.all(backends.map((b) => b.close()))
  })
  return { members, proxies, dial }
}

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c()
})

describe('PeerProxies', () => {
  it('forwards bytes unchanged both ways', async () => {
    const { dial, proxies } = await setUp()
    const link = await dial('etcd1', 'etcd2')
    await vi.waitFor(() => expect(link.received.join('')).toContain('X-Server-From'), WAIT)
    expect(proxies.stats('etcd2')).toMatchObject({ accepted: 1, identified: 1, open: 1 })
  })

  it('isolating a member cuts its links at every proxy and refuses new ones', async () => {
    const { dial, proxies } = await setUp()
    const into = await dial('etcd1', 'etcd2')
    const outOf = await dial('etcd2', 'etcd3')
    const unrelated = await dial('etcd1', 'etcd3')
    const unknownInto = await dial(null, 'etcd2')
    await vi.waitFor(() => expect(proxies.stats('etcd3').identified).toBe(2), WAIT)
    proxies.isolate('etcd2')
    await vi.waitFor(() => {
      expect(into.isClosed()).toBe(true)
      expect(outOf.isClosed()).toBe(true)
      expect(unknownInto.isClosed()).toBe(true)
    }, WAIT)
    expect(unrelated.isClosed()).toBe(false)
    expect(proxies.faultsOf('etcd2')).toEqual({ isolated: true, latencyMs: 0 })

    const refused = await dial('etcd1', 'etcd2')
    const blocked = await dial('etcd2', 'etcd1')
    await vi.waitFor(() => expect(refused.isClosed() && blocked.isClosed()).toBe(true), WAIT)
    expect(blocked.received).toEqual([])
    expect(proxies.stats('etcd2').refused).toBeGreaterThan(0)
    expect(proxies.stats('etcd1').blocked).toBe(1)

    proxies.heal('etcd2')
    const again = await dial('etcd2', 'etcd1')
    await vi.waitFor(() => expect(again.received.join('')).toContain('GET'), WAIT)
  })

  it('delays the links of a slow member and counts it', async () => {
    const { dial, proxies } = await setUp()
    proxies.setLatency('etcd1', 20)
    const slow = await dial('etcd1', 'etcd3')
    await vi.waitFor(() => expect(slow.received.join('')).toContain('GET'), WAIT)
    const stats = proxies.stats('etcd3')
    expect(stats.delayedChunks).toBeGreaterThanOrEqual(2) // the request, then its echo
    expect(stats.maxDelayMs).toBeGreaterThanOrEqual(20)
    const fast = await dial('etcd2', 'etcd3')
    await vi.waitFor(() => expect(fast.received.join('')).toContain('GET'), WAIT)
    expect(proxies.stats('etcd3').delayedChunks).toBe(stats.delayedChunks)
  })

  it('adds and removes a member’s proxy; closing frees every port', async () => {
    const { members, proxies, dial } = await setUp()
    const [peerPort, proxyPort] = await freePorts(2)
    await proxies.add(
      { name: 'etcd4', clientPort: 1, peerPort: peerPort!, proxyPort: proxyPort! },
      'add3d',
    )
    expect((await probePort('127.0.0.1', proxyPort!)).free).toBe(false)
    const fromAdded = await dial('etcd4', 'etcd1')
    await vi.waitFor(() => expect(proxies.stats('etcd1').identified).toBe(1), WAIT)
    proxies.isolate('etcd4')
    await vi.waitFor(() => expect(fromAdded.isClosed()).toBe(true), WAIT)
    await proxies.remove('etcd4')
    expect((await probePort('127.0.0.1', proxyPort!)).free).toBe(true)
    await proxies.close()
    for (const m of members) expect((await probePort('127.0.0.1', m.proxyPort!)).free).toBe(true)
  })

  it('names the member and port it cannot listen on', async () => {
    const { members } = await setUp()
    const clash = new PeerProxies([members[0]!], {
      cluster: 'unit',
      host: '127.0.0.1',
      token: TOKEN,
      log: silentLog(),
    })
    await expect(clash.ensureListening()).rejects.toMatchObject({
      code: 'PORT_IN_USE',
      detail: { member: 'etcd1', kind: 'proxy', port: members[0]!.proxyPort },
    })
    await clash.close()
  })
})
