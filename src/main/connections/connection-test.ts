import type { ConnectionTestResult, EndpointTest } from '../../shared/connections'
import type { ClientSecurity } from '../etcd/client-security'
import { openMemberClient } from '../etcd/member-client'
import { toHexId } from '../status/status-mapping'
import { describeProblem } from './connection-problems'

/** Why 5 s: enough for a TLS handshake and a login across a network; a dead host says no sooner. */
const TEST_DEADLINE_MS = 5_000

/**
 * "Test connection": asks every endpoint for its status (logging in first when there is a user,
 * as every call would), in parallel, and names each failure in plain words; the member list of
 * the first endpoint that answered says what the cluster is.
 */
export async function testConnection(
  endpoints: readonly string[],
  security: ClientSecurity,
): Promise<ConnectionTestResult> {
  const results = await Promise.all(endpoints.map((e) => testEndpoint(e, security)))
  const answered = results.find((r) => r.result.isOk)
  return {
    isOk: answered !== undefined,
    endpoints: results.map((r) => r.result),
    members: answered?.members ?? [],
  }
}

async function testEndpoint(endpoint: string, security: ClientSecurity) {
  const client = openMemberClient(endpoint, { security, callDeadlineMs: TEST_DEADLINE_MS })
  try {
    const status = await client.maintenance.status()
    const { members } = await client.cluster.memberList({ linearizable: false })
    const result: EndpointTest = {
      endpoint,
      isOk: true,
      problem: null,
      words: null,
      problemWords: null,
      detail: null,
      version: status.version,
      memberId: toHexId(status.header.member_id),
    }
    return {
      result,
      members: members.map((m) => ({
        name: m.name,
        clientUrls: m.clientURLs,
        isLearner: m.isLearner === true,
      })),
    }
  } catch (error) {
    const { problem, words, problemWords, detail } = describeProblem(error)
    const result: EndpointTest = {
      endpoint,
      isOk: false,
      problem,
      words,
      problemWords,
      detail,
      version: null,
      memberId: null,
    }
    return { result, members: [] }
  } finally {
    client.close()
  }
}
