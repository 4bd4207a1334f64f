import { createContext, useContext } from 'react'

/** Makes a browser-mode download link for a saved snapshot. */
type SnapshotHref = (id: string) => string

/**
 * How this window gets a snapshot out: a download link (browser mode serves snapshots, guarded by
 * the page's token), or null where the engine shows a save dialog instead (Electron). The app
 * wires it from its transport, so the Maintenance tab never learns which one it runs on.
 */
const SnapshotHrefContext = createContext<SnapshotHref | null>(null)

/** Provides the snapshot download links (browser mode), or null. */
export const SnapshotHrefProvider = SnapshotHrefContext.Provider

/** The snapshot download links, or null where "Save a copy…" is offered instead. */
export function useSnapshotHref(): SnapshotHref | null {
  return useContext(SnapshotHrefContext)
}
