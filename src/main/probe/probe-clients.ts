import type { Etcd3 } from 'etcd3'
import { PROBE_CALL_DEADLINE_MS } from '../../shared/probe'
import type { ClientSecurity } from '../etcd/client-security'
import { openMemberClient } from '../etcd/member-client'

/** A client and the security it was opened with. */
interface OpenClient {
  client: Etcd3
  security: ClientSecurity
}

/**
 * One etcd client per member client URL, each bound to that member alone (no retries). A client
 * opened before the cluster's security changed (authentication turned on or off) is replaced at
 * its next use.
 */
export class ProbeClients {
  private readonly clients = new Map<string, OpenClient>()

  constructor(private readonly security: () => ClientSecurity) {}

  /** The client of `clientUrl`, opened on first use or when the cluster's security changed. */
  of(clientUrl: string): Etcd3 {
    const security = this.security()
    const open = this.clients.get(clientUrl)
    if (open?.security === security) return open.client
    open?.client.close()
    const client = openMemberClient(clientUrl, { callDeadlineMs: PROBE_CALL_DEADLINE_MS, security })
    this.clients.set(clientUrl, { client, security })
    return client
  }

  /** Closes the clients of URLs no longer probed, except those `isBusy` says are in use. */
  closeOthers(kept: ReadonlySet<string>, isBusy: (clientUrl: string) => boolean): void {
    for (const [url, open] of this.clients) {
      if (kept.has(url) || isBusy(url)) continue
      open.client.close()
      this.clients.delete(url)
    }
  }

  /** How many clients are open. */
  get size(): number {
    return this.clients.size
  }

  /** Closes every client. */
  closeAll(): void {
    for (const open of this.clients.values()) open.client.close()
    this.clients.clear()
  }
}
