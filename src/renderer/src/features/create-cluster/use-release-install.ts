import { useRef, useState } from 'react'
import type { InstallProgress } from '../../../../shared/releases'
import type { ErrorData } from '../../../../shared/result'
import { settle } from '../shared/use-action'
import { useReleaseCatalog } from './release-catalog'

/** Installs one release through the catalog with progress and cancel (issue 3 seam). */
export function useReleaseInstall(onInstalled: (version: string) => void) {
  const catalog = useReleaseCatalog()
  const [progress, setProgress] = useState<InstallProgress | null>(null)
  const [error, setError] = useState<ErrorData | null>(null)
  const abort = useRef<AbortController | null>(null)
  const install = async (version: string) => {
    if (!catalog) return
    abort.current?.abort()
    const controller = new AbortController()
    abort.current = controller
    setError(null)
    // Shown until the engine's first event; "waiting" would claim another etcd Desk is installing.
    setProgress({
      version,
      phase: 'downloading',
      bytes: 0,
      total: null,
      bytesPerSecond: 0,
      etaSeconds: null,
      url: null,
    })
    const result = await settle(() =>
      catalog.installRelease(version, setProgress, controller.signal),
    )
    if (abort.current === controller) abort.current = null
    setProgress(null)
    if (result.ok) onInstalled(version)
    else setError(result.error)
  }
  const cancel = () => abort.current?.abort()
  return { progress, error, install, cancel, isInstalling: progress !== null }
}
