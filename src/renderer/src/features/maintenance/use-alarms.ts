import { useCallback, useState } from 'react'
import { useRequest } from '../shared/use-request'

/** The cluster's active alarms: asked when shown and after every action that may change them. */
export function useAlarms(cluster: string, isRunning: boolean) {
  const [asked, setAsked] = useState(0)
  const alarms = useRequest('maintenance:alarms', isRunning ? { cluster } : null, [
    cluster,
    isRunning,
    asked,
  ])
  const reload = useCallback(() => setAsked((n) => n + 1), [])
  return { alarms: alarms.data, error: alarms.error, isLoading: alarms.isLoading, reload }
}

/** What useAlarms gives. */
export type AlarmsState = ReturnType<typeof useAlarms>
