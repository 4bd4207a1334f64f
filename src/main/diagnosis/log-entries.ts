import { readLogHistory } from '../logs/log-history'
import { messageOf, type BundleEntry, type CollectContext } from './bundle-entry'

/** The last lines of each member's log a bundle holds (what etcd's maintainers ask for). */
const MEMBER_LOG_LINES = 1_000

/**
 * Why 2 MiB: the engine log is shared by every cluster and rotates at 5 MB; its newest part
 * explains what just happened, and a bundle stays small enough to attach to an issue.
 */
const ENGINE_LOG_BYTES = 2 * 1024 * 1024

/** Engine log lines read at most (its tail within ENGINE_LOG_BYTES). */
const ENGINE_LOG_LINES = 20_000

/**
 * The last MEMBER_LOG_LINES lines of each member's log, read from its file on disk (the rotated
 * copy too when the file was just rotated), so a stopped member's last words are there.
 */
export async function memberLogEntries(ctx: CollectContext): Promise<BundleEntry[]> {
  const entries: BundleEntry[] = []
  for (const slot of ctx.runtime.slots) {
    const member = slot.spec.name
    ctx.step('log', member)
    try {
      const { lines } = await readLogHistory(slot.log.file, { maxLines: MEMBER_LOG_LINES })
      if (lines.length === 0) ctx.note(`log of ${member}: the member wrote nothing yet`)
      entries.push({
        path: `logs/${member}.log`,
        text: lines.length === 0 ? '' : `${lines.join('\n')}\n`,
        about: `The last ${lines.length} lines of ${member}'s log (etcd's own output).`,
      })
    } catch (error) {
      ctx.runtime.log.warn({ err: error, member }, 'diagnosis: reading a member log failed')
      ctx.note(`log of ${member}: not read (${messageOf(error)})`)
    }
  }
  return entries
}

/** The newest part of the engine log (every cluster's; etcd Desk's own decisions and errors). */
export async function engineLogEntry(
  ctx: CollectContext,
  engineLogFile: string,
): Promise<BundleEntry | null> {
  ctx.step('engine-log')
  try {
    const { lines } = await readLogHistory(engineLogFile, {
      maxLines: ENGINE_LOG_LINES,
      maxBytes: ENGINE_LOG_BYTES,
    })
    return {
      path: 'engine.log',
      text: lines.length === 0 ? '' : `${lines.join('\n')}\n`,
      about: `The last ${lines.length} lines of etcd Desk's engine log (JSON lines, all clusters).`,
    }
  } catch (error) {
    ctx.runtime.log.warn({ err: error }, 'diagnosis: reading the engine log failed')
    ctx.note(`engine log: not read (${messageOf(error)})`)
    return null
  }
}
