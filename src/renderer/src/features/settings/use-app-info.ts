import { useEffect, useState } from 'react'
import type { AppInfo } from '../../../../shared/contract'
import { useApi } from '../shared/api-context'
import { settle } from '../shared/use-action'

/** The app's facts (data directory in use, system etcd), or null until known or when unavailable. */
export function useAppInfo(): AppInfo | null {
  const api = useApi()
  const [info, setInfo] = useState<AppInfo | null>(null)
  useEffect(() => {
    let isCurrent = true
    void settle(() => api.request('app:info', {})).then((result) => {
      if (isCurrent && result.ok) setInfo(result.value)
    })
    return () => {
      isCurrent = false
    }
  }, [api])
  return info
}
