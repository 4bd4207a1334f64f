import { useState } from 'react'
import type { InstallProgress } from '../../../../shared/releases'
import { useReleaseCatalog } from './release-catalog'

/**
 * The download a create starts for a version that is not installed yet: the engine installs it
 * first and pushes its progress, which this follows for the dialog, with Cancel.
 */
export function useCreateDownload() {
  const catalog = useReleaseCatalog()
  const [progress, setProgress] = useState<InstallProgress | null>(null)
  /** Runs `create`, showing the progress of `version`'s download meanwhile (null: nothing to download). */
  const follow = async <T>(version: string | null, create: () => Promise<T>): Promise<T> => {
    if (!catalog || version === null) return create()
    const stop = catalog.watchProgress(version, setProgress)
    try {
      return await create()
    } finally {
      stop()
      setProgress(null)
    }
  }
  const cancel = (): void => {
    if (progress) catalog?.cancelInstall(progress.version)
  }
  return { progress, follow, cancel }
}
