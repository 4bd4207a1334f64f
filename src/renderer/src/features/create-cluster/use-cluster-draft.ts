import { useCallback, useEffect, useRef, useState } from 'react'
import type { ClusterOptions, ClusterSpec, MemberSpec } from '../../../../shared/cluster'
import type { EtcdDeskApi } from '../../../../shared/contract'
import type { ErrorData } from '../../../../shared/result'
import { useApi } from '../shared/api-context'
import { settle } from '../shared/use-action'
import { resizeMembers, tutorialSpec, withProxyPorts } from './member-rows'
import { keepMemberVersions, withMemberVersion } from './mixed-versions'

/** Members a new cluster gets unless the user picks another count (the tutorial's 3). */
export const DEFAULT_MEMBER_COUNT = 3

interface Suggestion {
  spec: ClusterSpec
  error: ErrorData | null
}

/** The engine's suggestion (free ports in the tutorial scheme), or the plain tutorial ports. */
async function requestSuggestion(
  api: EtcdDeskApi,
  memberCount: number,
  networkFaults = false,
): Promise<Suggestion> {
  const request = networkFaults ? { memberCount, networkFaults } : { memberCount }
  const result = await settle(() => api.request('cluster:suggest', request))
  if (result.ok) return { spec: result.value, error: null }
  // Without the engine's suggestion the form still works: validation runs in the window.
  return { spec: tutorialSpec(memberCount), error: result.error }
}

/**
 * The create form's spec: ports suggested by the engine (tutorial scheme), then edited by the
 * user. The member count is the number of member rows, so the two never disagree: a new count
 * resizes the rows at once, and only the suggestion for the latest count replaces them (answers
 * for counts chosen before may arrive later, in any order).
 */
export function useClusterDraft(initial: ClusterOptions = {}) {
  const api = useApi()
  const [initialOptions] = useState(initial)
  const [spec, setSpec] = useState<ClusterSpec | null>(null)
  const [suggestError, setSuggestError] = useState<ErrorData | null>(null)
  const [isSuggesting, setSuggesting] = useState(true)
  const latest = useRef(0)
  /** Rows whose name or ports the user typed: a suggestion arriving later keeps them. */
  const typed = useRef(new Set<number>())
  const apply = useCallback(
    (id: number, { spec: suggested, error }: Suggestion) => {
      if (id !== latest.current) return
      setSuggesting(false)
      setSuggestError(error)
      setSpec((prev) => {
        if (!prev) return withOptions(suggested, initialOptions)
        // The checkbox may have changed while the suggestion was on its way; versions stay by row.
        const members = keepTypedRows(
          keepMemberVersions(prev.members, suggested.members),
          prev.members,
          typed.current,
        )
        return { ...prev, members: withProxyPorts(members, prev.networkFaults === true) }
      })
    },
    [initialOptions],
  )
  useEffect(() => {
    let isCurrent = true
    const id = ++latest.current
    void requestSuggestion(api, DEFAULT_MEMBER_COUNT).then((s) => isCurrent && apply(id, s))
    return () => {
      isCurrent = false
    }
  }, [api, apply])

  /** New member count: rows resized now, then the engine's members; name and version stay. */
  const suggest = async (memberCount: number) => {
    const id = ++latest.current
    const networkFaults = spec?.networkFaults === true
    setSuggesting(true)
    setSpec((s) =>
      s
        ? { ...s, members: withProxyPorts(resizeMembers(s.members, memberCount), networkFaults) }
        : s,
    )
    apply(id, await requestSuggestion(api, memberCount, networkFaults))
  }
  const setName = (name: string) => setSpec((s) => (s ? { ...s, name } : s))
  const setVersion = (etcdVersion: string) => setSpec((s) => (s ? { ...s, etcdVersion } : s))
  const setMember = (index: number, change: Partial<MemberSpec>) => {
    if ('name' in change || 'clientPort' in change || 'peerPort' in change) typed.current.add(index)
    setSpec((s) =>
      s ? { ...s, members: s.members.map((m, i) => (i === index ? { ...m, ...change } : m)) } : s,
    )
  }
  /** One member's own etcd version (mixed versions), or null for the cluster's. */
  const setMemberVersion = (index: number, version: string | null) =>
    setSpec((s) =>
      s
        ? {
            ...s,
            members: s.members.map((m, i) => (i === index ? withMemberVersion(m, version) : m)),
          }
        : s,
    )
  /** Mixed versions off: every member runs the cluster's version again. */
  const clearMemberVersions = () =>
    setSpec((s) => (s ? { ...s, members: s.members.map((m) => withMemberVersion(m, null)) } : s))
  /** Network faults on or off: every member gets a proxy port (peer + 1000) or loses it. */
  const setNetworkFaults = (on: boolean) =>
    setSpec((s) => (s ? { ...s, networkFaults: on, members: withProxyPorts(s.members, on) } : s))
  /** Sets advanced options; an undefined value removes the option (etcd's default applies). */
  const setOptions = (options: ClusterOptions) => setSpec((s) => (s ? withOptions(s, options) : s))
  return {
    spec,
    isSuggesting,
    suggestError,
    suggest,
    setName,
    setVersion,
    setMember,
    setMemberVersion,
    clearMemberVersions,
    setNetworkFaults,
    setOptions,
  }
}

/** The spec with `options` applied; options set to undefined are left out, not sent as undefined. */
function withOptions(spec: ClusterSpec, options: ClusterOptions): ClusterSpec {
  const merged: ClusterSpec = { ...spec, ...options }
  for (const key of Object.keys(options) as (keyof ClusterOptions)[]) {
    if (merged[key] === undefined) delete merged[key]
  }
  return merged
}

/** The suggested rows, with the name and ports the user typed kept on the rows they typed. */
function keepTypedRows(
  suggested: MemberSpec[],
  shown: readonly MemberSpec[],
  typed: ReadonlySet<number>,
): MemberSpec[] {
  return suggested.map((m, i) => {
    const own = shown[i]
    if (!typed.has(i) || !own) return m
    return { ...m, name: own.name, clientPort: own.clientPort, peerPort: own.peerPort }
  })
}
