import { useState } from 'react'
import type { InstallProgress } from '../../../../shared/releases'
import { useReleaseCatalog } from './release-catalog'

/**
 * The downloads a long request starts for versions that are not installed yet (a create, an
 * upgrade): the engine installs them first and pushes their progress, which this follows for
 * the window, with Cancel.
 */
export function useCreateDownload() {
  const catalog = useReleaseCatalog()
  const [progress, setProgress] = useState<InstallProgress | null>(null)
  /** Runs `request`, showing the progress of the downloads of `versions` (none: none to follow). */
  const follow = async <T>(
    versions: string | readonly string[] | null,
    request: () => Promise<T>,
  ): Promise<T> => {
    const followed = versions === null ? [] : typeof versions === 'string' ? [versions] : versions
    if (!catalog || followed.length === 0) return request()
    // Installed is the end of a download, not of the request: the bar goes, the request goes on.
    const show = (p: InstallProgress) => setProgress(p.phase === 'installed' ? null : p)
    const stops = followed.map((v) => catalog.watchProgress(v, show))
    try {
      return await request()
    } finally {
      for (const stop of stops) stop()
      setProgress(null)
    }
  }
  const cancel = (): void => {
    if (progress) catalog?.cancelInstall(progress.version)
  }
  return { progress, follow, cancel }
}
