import type { MemberFaults } from '../../shared/cluster'

/** No faults: what every member has until the user sets one. */
export const NO_FAULTS: MemberFaults = { isolated: false, latencyMs: 0 }

/** What a proxy does to one directed peer link (sender → member behind the proxy). */
export interface LinkPolicy {
  /** Drop the link: close its connections, refuse new ones. */
  isBlocked: boolean
  /** Added to every chunk, both ways, in milliseconds. */
  delayMs: number
}

/**
 * The policy of the link from `from` (null: a sender not known yet) to `to`. A fault on a member
 * applies to every link to or from it: an isolated end blocks the link, and the latencies of both
 * ends add up (as if each member's own network were slow).
 */
export function linkPolicy(
  faultsOf: (member: string) => MemberFaults,
  from: string | null,
  to: string,
): LinkPolicy {
  const target = faultsOf(to)
  const source = from === null || from === to ? NO_FAULTS : faultsOf(from)
  return {
    isBlocked: target.isolated || source.isolated,
    delayMs: target.latencyMs + source.latencyMs,
  }
}
