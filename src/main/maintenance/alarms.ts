import { AlarmAction, AlarmType, type IAlarmMember } from 'etcd3'
import type { AlarmEntry } from '../../shared/maintenance'
import { toHexId } from '../status/status-mapping'
import type { MaintenanceContext } from './maintenance-operation'
import { say } from './maintenance-words'
import { call, withMemberClients, type MemberHandle } from './member-clients'
import type { MaintenanceTarget } from './maintenance-target'

/** An active alarm with the member id etcd's API takes (decimal). */
interface ActiveAlarm extends AlarmEntry {
  decimalId: string
}

/**
 * Every active alarm, asked of every running member (alarms are replicated, so each answers for
 * all; asking all still shows them when some member does not answer), named by member.
 */
export function listAlarms(runtime: MaintenanceTarget): Promise<AlarmEntry[]> {
  return withMemberClients(runtime, async (members) =>
    (await activeAlarms(runtime, members)).map(({ decimalId: _, ...entry }) => entry),
  )
}

/** Deactivates every active alarm, each on its own member when it runs; answers the alarms disarmed. */
export function disarmAlarms(
  runtime: MaintenanceTarget,
  ctx: MaintenanceContext,
): Promise<AlarmEntry[]> {
  return withMemberClients(runtime, async (members) => {
    const alarms = await activeAlarms(runtime, members)
    if (alarms.length === 0) ctx.note(say('note.noAlarm'))
    for (const alarm of alarms) {
      const on = members.find((m) => m.name === alarm.member) ?? members[0]
      if (!on) continue
      ctx.step(say('step.disarming', { alarm: alarm.alarm, member: alarm.member }))
      await call(on, 'alarm disarm', () =>
        on.client.maintenance.alarm({
          action: AlarmAction.Deactivate,
          memberID: alarm.decimalId,
          alarm: alarm.alarm === 'NOSPACE' ? AlarmType.Nospace : AlarmType.Corrupt,
        }),
      )
      ctx.note(say('note.disarmed', { alarm: alarm.alarm, member: alarm.member }))
    }
    return alarms.map(({ decimalId: _, ...entry }) => entry)
  })
}

async function activeAlarms(
  runtime: MaintenanceTarget,
  members: readonly MemberHandle[],
): Promise<ActiveAlarm[]> {
  const first = members[0] as MemberHandle
  const listed = await call(first, 'member list', () => first.client.cluster.memberList({}))
  const names = new Map(listed.members.map((m) => [m.ID, m.name]))
  const answers = await Promise.allSettled(
    members.map((m) =>
      call(m, 'alarm list', () =>
        m.client.maintenance.alarm({ action: AlarmAction.Get, memberID: 0, alarm: AlarmType.None }),
      ),
    ),
  )
  const found = new Map<string, ActiveAlarm>()
  for (const answer of answers) {
    if (answer.status === 'rejected') {
      // The others answered for the whole cluster (alarms are replicated); say who did not.
      runtime.log.warn({ err: answer.reason }, 'a member did not list its alarms')
      continue
    }
    for (const alarm of answer.value.alarms) {
      const entry = toEntry(alarm, names)
      if (entry) found.set(`${entry.decimalId}/${entry.alarm}`, entry)
    }
  }
  const failed = answers.find((a) => a.status === 'rejected')
  if (found.size === 0 && failed && answers.every((a) => a.status === 'rejected')) {
    throw failed.reason
  }
  return [...found.values()]
}

function toEntry(alarm: IAlarmMember, names: ReadonlyMap<string, string>): ActiveAlarm | null {
  // etcd3's proto spells the enum "Nospace"; etcd's own spells it "NOSPACE".
  const kind = String(alarm.alarm).toUpperCase()
  if (kind !== 'NOSPACE' && kind !== 'CORRUPT') return null
  const memberId = toHexId(alarm.memberID)
  return {
    member: names.get(alarm.memberID) ?? memberId,
    memberId,
    alarm: kind,
    decimalId: alarm.memberID,
  }
}
