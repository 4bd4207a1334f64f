import { describe, expect, it } from 'vitest'
import { parseRequestHead, SenderSniffer } from '../../../src/main/faults/request-head'

const bytes = (text: string): Buffer => Buffer.from(text, 'latin1')

/** A stream request as rafthttp's streamReader sends it (etcd 3.4/3.5). */
const STREAM_HEAD =
  'GET /raft/stream/msgappv2/8e9e05c52164694d HTTP/1.1\r\n' +
  'Host: 127.0.0.1:3380\r\n' +
  'User-Agent: Go-http-client/1.1\r\n' +
  'X-Etcd-Cluster-Id: cdf818194e3a8c32\r\n' +
  'X-Raft-To: 8e9e05c52164694d\r\n' +
  'X-Server-From: 0fd5c8a9e2ef2a4b\r\n' +
  'X-Server-Version: 3.5.16\r\n\r\n'

const PROBE_HEAD =
  'GET /raft/probing HTTP/1.1\r\nHost: 127.0.0.1:3380\r\nUser-Agent: Go-http-client/1.1\r\n\r\n'

const post = (body: string, from = 'abc'): string =>
  `POST /raft HTTP/1.1\r\nHost: x\r\nContent-Length: ${body.length}\r\nX-Server-From: ${from}\r\n\r\n${body}`

describe('parseRequestHead', () => {
  it('reads the request line and headers, names in lower case', () => {
    const head = parseRequestHead(STREAM_HEAD.slice(0, -4))
    expect(head?.method).toBe('GET')
    expect(head?.path).toBe('/raft/stream/msgappv2/8e9e05c52164694d')
    expect(head?.headers.get('x-server-from')).toBe('0fd5c8a9e2ef2a4b')
  })

  it('is null for what is not HTTP/1.x', () => {
    expect(parseRequestHead('\u0016\u0003\u0001 hello')).toBeNull()
    expect(parseRequestHead('PRI * HTTP/2.0')).toBeNull()
    expect(parseRequestHead('GET / HTTP/1.1\r\nno colon here')).toBeNull()
  })
})

describe('SenderSniffer', () => {
  it('finds the sender in the first head, without leading zeros', () => {
    const sniffer = new SenderSniffer()
    expect(sniffer.feed(bytes(STREAM_HEAD))).toEqual({
      id: 'fd5c8a9e2ef2a4b',
      path: '/raft/stream/msgappv2/8e9e05c52164694d',
    })
    expect(sniffer.isDone).toBe(true)
  })

  it('finds it when the head arrives byte by byte (the blank line split too)', () => {
    const sniffer = new SenderSniffer()
    const found = [...STREAM_HEAD].map((c) => sniffer.feed(bytes(c))).filter(Boolean)
    expect(found).toEqual([{ id: 'fd5c8a9e2ef2a4b', path: expect.any(String) }])
  })

  it('reads past probes and Content-Length bodies to a later request that names it', () => {
    const sniffer = new SenderSniffer()
    const body = 'X-Server-From: 1111\r\n\r\n' // inside a body: must not count
    const noSender = `POST /leases HTTP/1.1\r\nContent-Length: ${body.length}\r\n\r\n${body}`
    expect(sniffer.feed(bytes(PROBE_HEAD + noSender))).toBeNull()
    expect(sniffer.isDone).toBe(false)
    expect(sniffer.feed(bytes(post('raft message', '2222')))).toMatchObject({ id: '2222' })
  })

  it('skips a body split over chunks', () => {
    const sniffer = new SenderSniffer()
    const body = 'b'.repeat(100)
    const text = `POST /x HTTP/1.1\r\nContent-Length: 100\r\n\r\n${body}${post('', 'beef')}`
    const found = [sniffer.feed(bytes(text.slice(0, 60))), sniffer.feed(bytes(text.slice(60)))]
    expect(found).toEqual([null, { id: 'beef', path: '/raft' }])
  })

  it('gives up (sender unknown) on chunked bodies, non-HTTP bytes and endless heads', () => {
    const chunked = new SenderSniffer()
    chunked.feed(bytes('POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n'))
    expect(chunked.isDone).toBe(true)
    expect(chunked.feed(bytes(post('', 'abc')))).toBeNull()

    const binary = new SenderSniffer()
    binary.feed(Buffer.from([0x16, 0x03, 0x01, 0x0d, 0x0a, 0x0d, 0x0a]))
    expect(binary.isDone).toBe(true)

    const endless = new SenderSniffer()
    endless.feed(bytes(`GET / HTTP/1.1\r\nX-Long: ${'a'.repeat(20_000)}`))
    expect(endless.isDone).toBe(true)
  })

  it('ignores a header value that is not a member id', () => {
    const sniffer = new SenderSniffer()
    expect(sniffer.feed(bytes(post('', 'not-hex!')))).toBeNull()
    expect(sniffer.isDone).toBe(false)
  })
})
