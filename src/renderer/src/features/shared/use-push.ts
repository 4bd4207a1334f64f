import { useEffect, useEffectEvent } from 'react'
import type { PushChannel, PushMap } from '../../../../shared/contract'
import { useApi } from './api-context'

/** Calls `listener` for every push on `channel` while the component is mounted. */
export function usePush<P extends PushChannel>(
  channel: P,
  listener: (payload: PushMap[P]) => void,
): void {
  const api = useApi()
  const onPush = useEffectEvent(listener)
  useEffect(() => api.subscribe(channel, (payload) => onPush(payload)), [api, channel])
}
