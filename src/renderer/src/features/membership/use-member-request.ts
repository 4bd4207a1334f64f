import { useState } from 'react'
import type { ClusterView } from '../../../../shared/cluster'
import type { ErrorData } from '../../../../shared/result'
import { useApi } from '../shared/api-context'
import { settle } from '../shared/use-action'

/** Membership and fault actions on one member that answer the cluster as it is afterwards. */
export type MemberRequest =
  'member:promote' | 'member:pause' | 'member:resume' | 'member:make-leader'

/** Runs one of a member's requests; tracks which one runs and the last failure. */
export function useMemberRequest(
  cluster: string,
  member: string,
  onChanged: (view: ClusterView) => void,
) {
  const api = useApi()
  const [busy, setBusy] = useState<MemberRequest | null>(null)
  const [error, setError] = useState<ErrorData | null>(null)
  const run = async (channel: MemberRequest) => {
    setBusy(channel)
    setError(null)
    const result = await settle(() => api.request(channel, { cluster, member }))
    setBusy(null)
    if (result.ok) onChanged(result.value)
    else setError(result.error)
  }
  return { busy, error, run, dismiss: () => setError(null) }
}
