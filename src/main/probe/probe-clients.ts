import type { Etcd3 } from 'etcd3'
import { PROBE_CALL_DEADLINE_MS } from '../../shared/probe'
import { openMemberClient } from '../etcd/member-client'

/** One etcd client per member client URL, each bound to that member alone (no retries). */
export class ProbeClients {
  private readonly clients = new Map<string, Etcd3>()

  /** The client of `clientUrl`, opened on first use. */
  of(clientUrl: string): Etcd3 {
    let client = this.clients.get(clientUrl)
    if (!client) {
      client = openMemberClient(clientUrl, { callDeadlineMs: PROBE_CALL_DEADLINE_MS })
      this.clients.set(clientUrl, client)
    }
    return client
  }

  /** Closes the clients of URLs no longer probed, except those `isBusy` says are in use. */
  closeOthers(kept: ReadonlySet<string>, isBusy: (clientUrl: string) => boolean): void {
    for (const [url, client] of this.clients) {
      if (kept.has(url) || isBusy(url)) continue
      client.close()
      this.clients.delete(url)
    }
  }

  /** How many clients are open. */
  get size(): number {
    return this.clients.size
  }

  /** Closes every client. */
  closeAll(): void {
    for (const client of this.clients.values()) client.close()
    this.clients.clear()
  }
}
