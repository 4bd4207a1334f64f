import { useState } from 'react'
import type { ClusterView } from '../../../../shared/cluster'
import type { ErrorData } from '../../../../shared/result'
import { useApi } from '../shared/api-context'
import { settle } from '../shared/use-action'

/** What can be done to one member. */
export type MemberAction = 'start' | 'stop' | 'restart' | 'kill'

/** A failed member action, with who and what for the message. */
export interface MemberActionError {
  member: string
  action: MemberAction
  error: ErrorData
}

/** Runs member actions for a cluster; tracks which member is busy with what, and the last error. */
export function useMemberActions(cluster: string, onChanged: (view: ClusterView) => void) {
  const api = useApi()
  const [busy, setBusy] = useState<ReadonlyMap<string, MemberAction>>(new Map())
  const [failure, setFailure] = useState<MemberActionError | null>(null)
  const run = async (member: string, action: MemberAction) => {
    setBusy((m) => new Map(m).set(member, action))
    setFailure(null)
    const arg = { cluster, member }
    const result = await settle(() => api.request(`member:${action}`, arg))
    setBusy((m) => {
      const next = new Map(m)
      next.delete(member)
      return next
    })
    if (result.ok) onChanged(result.value)
    else setFailure({ member, action, error: result.error })
  }
  return { busy, failure, run, dismiss: () => setFailure(null) }
}
