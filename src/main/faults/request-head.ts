/**
 * Who sends the traffic on a proxied peer connection, read from its plaintext HTTP requests.
 * rafthttp (etcd's peer transport) sends `X-Server-From: <member id in hex>` on every stream,
 * message and snapshot request (paths /raft, /raft/stream/…, /raft/snapshot); its prober's
 * GET /raft/probing carries none, and Go reuses that connection for later pipeline POSTs, so the
 * heads after a body-less or Content-Length request are read too (ETCD-OPS-FACTS §7.2).
 */

/** Why a cap: rafthttp's heads are a few hundred bytes; traffic that is not HTTP must not make
 * the proxy buffer without bound. */
const MAX_HEAD_BYTES = 16 * 1024

const HEAD_END = Buffer.from('\r\n\r\n')
const MEMBER_ID = /^[0-9a-f]{1,16}$/

/** What one request head says. */
export interface RequestHead {
  method: string
  path: string
  /** Header values by lower-case name (the last one wins). */
  headers: Map<string, string>
}

/** Parses a request head (the text before its blank line); null when it is not HTTP/1.x. */
export function parseRequestHead(text: string): RequestHead | null {
  const [requestLine = '', ...lines] = text.split('\r\n')
  const request = /^([A-Z]+) (\S+) HTTP\/1\.[01]$/.exec(requestLine)
  if (!request) return null
  const headers = new Map<string, string>()
  for (const line of lines) {
    const colon = line.indexOf(':')
    if (colon <= 0) return null
    headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim())
  }
  return { method: request[1]!, path: request[2]!, headers }
}

/** The sender's member id from a head (hex, lower case, no leading zeros), or null. */
function senderOf(head: RequestHead): string | null {
  const raw = head.headers.get('x-server-from')?.toLowerCase()
  if (!raw || !MEMBER_ID.test(raw)) return null
  return raw.replace(/^0+(?=.)/, '')
}

/** What the sniffer learned from a chunk. */
export interface SenderFound {
  id: string
  /** The path of the request that named it ("/raft/stream/msgappv2/8e9e05c52164694d"). */
  path: string
}

/**
 * Reads the client-to-member bytes of one connection, request by request, until a head names its
 * sender; gives up (sender unknown, traffic forwarded as is) on anything it cannot frame.
 */
export class SenderSniffer {
  private head = Buffer.alloc(0)
  /** Body bytes of the current request still to skip. */
  private bodyLeft = 0
  private isFinished = false

  /** True once the sender is known or will never be. */
  get isDone(): boolean {
    return this.isFinished
  }

  /** Reads the next chunk; returns the sender when this chunk completed the head naming it. */
  feed(chunk: Buffer): SenderFound | null {
    let rest = chunk
    while (!this.isFinished && rest.length > 0) {
      if (this.bodyLeft > 0) {
        const skipped = Math.min(this.bodyLeft, rest.length)
        this.bodyLeft -= skipped
        rest = rest.subarray(skipped)
        continue
      }
      const found = this.readHead(rest)
      if (found === 'more') return null
      if (found.sender) return this.finish(found.sender)
      rest = found.rest
    }
    return null
  }

  private readHead(chunk: Buffer): 'more' | { sender: SenderFound | null; rest: Buffer } {
    const seen = this.head.length
    const joined = seen === 0 ? chunk : Buffer.concat([this.head, chunk])
    // Why from seen-3: the blank line may straddle two chunks.
    const end = joined.indexOf(HEAD_END, Math.max(0, seen - 3))
    if (end < 0) {
      if (joined.length > MAX_HEAD_BYTES) this.finish(null)
      else this.head = Buffer.from(joined)
      return 'more'
    }
    this.head = Buffer.alloc(0)
    const rest = joined.subarray(end + HEAD_END.length)
    const head = parseRequestHead(joined.subarray(0, end).toString('latin1'))
    if (!head) return { sender: this.finish(null), rest }
    const id = senderOf(head)
    if (id) return { sender: { id, path: head.path }, rest }
    const length = head.headers.get('content-length')
    // A chunked body (or one framed otherwise) is not followed here: the sender stays unknown.
    if (head.headers.has('transfer-encoding') || (length !== undefined && !/^\d+$/.test(length))) {
      return { sender: this.finish(null), rest }
    }
    this.bodyLeft = length === undefined ? 0 : Number(length)
    return { sender: null, rest }
  }

  private finish(found: SenderFound | null): SenderFound | null {
    this.isFinished = true
    this.head = Buffer.alloc(0)
    return found
  }
}
