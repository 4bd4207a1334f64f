import { memberVersionOf } from '../../shared/cluster-rules'
import { words, type EngineWords } from '../../shared/engine-words/engine-words'
import type { ClusterRuntime } from '../cluster/cluster-runtime'
import { isLive } from '../cluster/member-lifecycle'

/**
 * Settles a version change an earlier run left half done: a member stopped for its swap is
 * started again on the version saved for it (saved before it was to start, so it never runs two
 * binaries), the change is kept as paused so the dialog offers Continue and Abort, and one
 * sentence says where each member stands (for the start-up report). Null when there was no change
 * in progress.
 */
export async function resumeUpgrade(runtime: ClusterRuntime): Promise<EngineWords | null> {
  const pending = runtime.def.pendingUpgrade
  if (!pending) return null
  const def = runtime.def
  const cluster = def.name
  const target = pending.plan.target
  let started: {
    key: 'Started' | 'NotStarted'
    member: string
    version: string
    message?: string
  } | null = null
  const swapping = pending.member
  if (swapping && runtime.isActive()) {
    const slot = runtime.slots.find((s) => s.spec.name === swapping)
    if (slot && !isLive(slot.process.state)) {
      const version = memberVersionOf(def, slot.spec)
      try {
        await runtime.members.start(swapping)
        started = { key: 'Started', member: swapping, version }
      } catch (error) {
        runtime.log.error(
          { err: error, member: swapping },
          'starting the member left half swapped failed',
        )
        started = {
          key: 'NotStarted',
          member: swapping,
          version,
          message: (error as Error).message,
        }
      }
    }
  }
  if (!pending.paused || pending.member !== null) {
    await runtime.saveDefinition({
      ...runtime.def,
      pendingUpgrade: { ...pending, member: null, paused: true },
    })
  }
  const byVersion = new Map<string, string[]>()
  for (const m of runtime.def.members) {
    const version = memberVersionOf(runtime.def, m)
    byVersion.set(version, [...(byVersion.get(version) ?? []), m.name])
  }
  // Names and versions only ("etcd1 (3.5.16); etcd2, etcd3 (3.4.23)"): it reads in any language.
  const where = [...byVersion]
    .map(([version, names]) => `${names.join(', ')} (${version})`)
    .join('; ')
  runtime.log.info({ target, where }, 'interrupted version change found')
  if (pending.paused && pending.member === null) return null
  if (!started)
    return words('engine-notices:startup.upgradeInterrupted', { cluster, target, where })
  const { key, ...values } = started
  return words(`engine-notices:startup.upgradeInterrupted${key}`, {
    cluster,
    target,
    where,
    ...values,
  })
}
