import { useEffect, useState } from 'react'
import type { ClusterSpec, MemberSpec } from '../../../../shared/cluster'
import type { EtcdDeskApi } from '../../../../shared/contract'
import { tutorialMembers } from '../../../../shared/port-scheme'
import type { ErrorData } from '../../../../shared/result'
import { useApi } from '../shared/api-context'
import { settle } from '../shared/use-action'

/** Members a new cluster gets unless the user picks another count (the tutorial's 3). */
export const DEFAULT_MEMBER_COUNT = 3

/** The engine's suggestion (free ports in the tutorial scheme), or the plain tutorial ports. */
async function requestSuggestion(
  api: EtcdDeskApi,
  memberCount: number,
): Promise<{ spec: ClusterSpec; error: ErrorData | null }> {
  const result = await settle(() => api.request('cluster:suggest', { memberCount }))
  if (result.ok) return { spec: result.value, error: null }
  // Without the engine's suggestion the form still works: validation runs in the window.
  const members = tutorialMembers(memberCount)
  const spec = { name: 'cluster-1', members, etcdVersion: 'system', host: '127.0.0.1' }
  return { spec, error: result.error }
}

/** The create form's spec: ports suggested by the engine (tutorial scheme), then edited by the user. */
export function useClusterDraft() {
  const api = useApi()
  const [spec, setSpec] = useState<ClusterSpec | null>(null)
  const [suggestError, setSuggestError] = useState<ErrorData | null>(null)
  const [isSuggesting, setSuggesting] = useState(true)

  useEffect(() => {
    let isCurrent = true
    void requestSuggestion(api, DEFAULT_MEMBER_COUNT).then(({ spec: suggested, error }) => {
      if (!isCurrent) return
      setSuggesting(false)
      setSuggestError(error)
      setSpec(suggested)
    })
    return () => {
      isCurrent = false
    }
  }, [api])

  /** New member count: new suggested members; the name and version the user chose stay. */
  const suggest = async (memberCount: number) => {
    setSuggesting(true)
    const { spec: suggested, error } = await requestSuggestion(api, memberCount)
    setSuggesting(false)
    setSuggestError(error)
    setSpec((prev) => (prev ? { ...prev, members: suggested.members } : suggested))
  }
  const setName = (name: string) => setSpec((s) => (s ? { ...s, name } : s))
  const setVersion = (etcdVersion: string) => setSpec((s) => (s ? { ...s, etcdVersion } : s))
  const setMember = (index: number, change: Partial<MemberSpec>) =>
    setSpec((s) =>
      s ? { ...s, members: s.members.map((m, i) => (i === index ? { ...m, ...change } : m)) } : s,
    )
  return { spec, isSuggesting, suggestError, suggest, setName, setVersion, setMember }
}
