import { createContext, useContext } from 'react'

/** Opens one lease in the Leases tab (its decimal ID). */
type OpenLease = (leaseId: string) => void

/**
 * How the key viewer's lease becomes a link: the workspace provides a function that shows the
 * Leases tab with that lease open; null where there is none (the key then shows the ID as text).
 */
const LeaseLinkContext = createContext<OpenLease | null>(null)

/** Provides "open this lease" to the key viewer. */
export const LeaseLinkProvider = LeaseLinkContext.Provider

/** The function that opens a lease, or null. */
export function useLeaseLink(): OpenLease | null {
  return useContext(LeaseLinkContext)
}
