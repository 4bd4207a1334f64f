import { useState } from 'react'
import type { ClusterView } from '../../../../shared/cluster'
import type { ErrorData } from '../../../../shared/result'
import { i18n } from '../../i18n'
import { useApi } from '../shared/api-context'
import { settle } from '../shared/use-action'

/** A network fault asked of one member: cut it off, let it back, or delay its peer traffic. */
export type FaultAction = { kind: 'isolate' } | { kind: 'heal' } | { kind: 'latency'; ms: number }

/** A failed fault action, with the member and what was asked. */
export interface FaultActionError {
  member: string
  /** What could not be done, in words: "Could not isolate etcd2". */
  action: string
  error: ErrorData
}

/** In words, for the error message: "Could not isolate etcd2", "Could not add 200 ms to etcd2". */
function describe(action: FaultAction, member: string): string {
  switch (action.kind) {
    case 'isolate':
    case 'heal':
      return i18n.t(`port-table:table.failed.${action.kind}`, { member })
    case 'latency':
      return action.ms === 0
        ? i18n.t('port-table:table.failed.removeLatency', { member })
        : i18n.t('port-table:table.failed.addLatency', { member, ms: action.ms })
  }
}

/** Runs network-fault actions for a cluster; tracks the busy members and the last error. */
export function useFaultActions(cluster: string, onChanged: (view: ClusterView) => void) {
  const api = useApi()
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set())
  const [failure, setFailure] = useState<FaultActionError | null>(null)
  const run = async (member: string, action: FaultAction) => {
    setBusy((s) => new Set(s).add(member))
    setFailure(null)
    const result = await settle(() =>
      action.kind === 'latency'
        ? api.request('member:latency', { cluster, member, ms: action.ms })
        : api.request(`member:${action.kind}`, { cluster, member }),
    )
    setBusy((s) => {
      const next = new Set(s)
      next.delete(member)
      return next
    })
    if (result.ok) onChanged(result.value)
    else setFailure({ member, action: describe(action, member), error: result.error })
  }
  return { busy, failure, run, dismiss: () => setFailure(null) }
}
