import type http from 'node:http'
import { memberHttpAgent, type ClientSecurity } from '../etcd/client-security'
import { getText } from '../status/health-check'
import { readMemberText, type MemberReading } from './metrics-text'

/**
 * Why 1 s: a member on this machine answers /metrics in a few ms; one that takes longer than the
 * sampling interval (1.5 s) would make rounds overlap, so it counts as not answering this round.
 */
const SCRAPE_TIMEOUT_MS = 1_000

/** Reads one member's `/metrics` over a kept-alive connection (TLS with the client certificate). */
export class MemberScraper {
  private readonly agent: http.Agent

  constructor(
    readonly clientUrl: string,
    readonly security: ClientSecurity,
  ) {
    this.agent = memberHttpAgent(clientUrl, security)
  }

  /** The member's figures now; rejects when it does not answer in time or answers an error. */
  async scrape(): Promise<MemberReading> {
    const { statusCode, body } = await getText(
      this.clientUrl,
      '/metrics',
      this.agent,
      SCRAPE_TIMEOUT_MS,
    )
    if (statusCode !== 200) throw new Error(`/metrics answered HTTP ${statusCode}`)
    return readMemberText(body)
  }

  /** Closes its connection. */
  close(): void {
    this.agent.destroy()
  }
}
