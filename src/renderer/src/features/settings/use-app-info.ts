import type { AppInfo } from '../../../../shared/contract'
import { useRequest } from '../shared/use-request'

/** The app's facts (data directory in use, system etcd), or null until known or when unavailable. */
export function useAppInfo(): AppInfo | null {
  return useRequest('app:info', {}, []).data
}
