import { createContext, useContext } from 'react'
import type { InstalledBinaryView } from '../../../../shared/contract'
import type { InstallProgress, ReleaseList } from '../../../../shared/releases'
import type { Result } from '../../../../shared/result'

/**
 * Where the "etcd version" field gets releases from: with a catalog (the app wires one over the
 * releases:* channels, see api-release-catalog.ts) it lists downloadable releases and shows a
 * progress bar with bytes, speed and Cancel; without one, only System etcd and the versions
 * existing clusters use are offered.
 */
export interface ReleaseCatalog {
  /** Releases the user can pick (installed or not) and the system etcd. */
  listReleases(): Promise<Result<ReleaseList>>
  /** Downloads, verifies and installs one release, reporting progress; aborting cancels it. */
  installRelease(
    version: string,
    onProgress: (progress: InstallProgress) => void,
    signal: AbortSignal,
  ): Promise<Result<InstalledBinaryView>>
  /** Follows the progress of any install of `version` (such as one a create started); returns the unsubscribe. */
  watchProgress(version: string, onProgress: (progress: InstallProgress) => void): () => void
  /** Cancels every install of `version`, whoever started it. */
  cancelInstall(version: string): void
}

const ReleaseCatalogContext = createContext<ReleaseCatalog | null>(null)

/** Provides the release catalog; without it only installed versions are offered. */
export const ReleaseCatalogProvider = ReleaseCatalogContext.Provider

/** The release catalog, or null when release downloads are not wired in. */
export function useReleaseCatalog(): ReleaseCatalog | null {
  return useContext(ReleaseCatalogContext)
}
