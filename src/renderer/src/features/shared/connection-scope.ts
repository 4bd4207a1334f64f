import { createContext, useContext } from 'react'

/** The connected cluster a part of the window acts on. */
export interface ConnectionScope {
  name: string
  endpoints: readonly string[]
}

/**
 * Set by a connected cluster's workspace: every confirmation of a destructive action inside it
 * names that cluster, since it is a real cluster etcd Desk did not create, not a sandbox.
 */
export const ConnectionScopeContext = createContext<ConnectionScope | null>(null)

/** The connected cluster around this part of the window, or null inside a local cluster. */
export function useConnectionScope(): ConnectionScope | null {
  return useContext(ConnectionScopeContext)
}
