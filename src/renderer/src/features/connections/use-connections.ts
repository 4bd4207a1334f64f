import type { ConnectionView } from '../../../../shared/connections'
import { useRequest } from '../shared/use-request'

/** The saved connections, asked once and again after every save or delete (`reload`). */
export function useConnections() {
  const asked = useRequest('connections:list', {}, [])
  return {
    connections: asked.data ?? ([] as ConnectionView[]),
    error: asked.error,
    reload: asked.reload,
  }
}
