import { memberHttpAgent } from '../etcd/client-security'
import { getText } from '../status/health-check'
import { messageOf, type BundleEntry, type CollectContext } from './bundle-entry'

/**
 * Why 5 s: a busy member answers /metrics (a few hundred KB) well within a second; one that does
 * not answer in 5 s gets a note instead of holding up the whole bundle.
 */
const METRICS_TIMEOUT_MS = 5_000

/**
 * One raw read of each running member's `/metrics` (Prometheus text), over https with the
 * cluster's client certificate on a TLS cluster. A member that is not running or does not answer
 * gets a note, never a failure of the bundle.
 */
export async function metricsEntries(ctx: CollectContext): Promise<BundleEntry[]> {
  const { runtime } = ctx
  const entries: BundleEntry[] = []
  for (const member of runtime.view().members) {
    if (member.state !== 'running') {
      ctx.note(`metrics of ${member.name}: not read, the member is ${member.state}`)
      continue
    }
    ctx.step('metrics', member.name)
    // Not kept alive: one read, then the connection goes.
    const agent = memberHttpAgent(member.clientUrl, runtime.security, false)
    try {
      const { statusCode, body } = await getText(
        member.clientUrl,
        '/metrics',
        agent,
        METRICS_TIMEOUT_MS,
      )
      if (statusCode !== 200) throw new Error(`HTTP ${statusCode}: ${body.slice(0, 200)}`)
      entries.push({
        path: `metrics/${member.name}.txt`,
        text: body,
        about: `One read of ${member.name}'s /metrics (Prometheus text) at ${new Date().toISOString()}.`,
      })
    } catch (error) {
      runtime.log.warn({ err: error, member: member.name }, 'diagnosis: reading /metrics failed')
      ctx.note(`metrics of ${member.name}: not read (${messageOf(error)})`)
    } finally {
      agent.destroy()
    }
  }
  return entries
}
