import type { EtcdDeskApi } from '../../../../shared/contract'
import type { ReleaseCatalog } from './release-catalog'

/**
 * The release catalog over the engine API: list → releases:list, install → releases:install with
 * releases:progress pushes for that version, abort → releases:cancel.
 */
export function apiReleaseCatalog(api: EtcdDeskApi): ReleaseCatalog {
  const watchProgress: ReleaseCatalog['watchProgress'] = (version, onProgress) =>
    api.subscribe('releases:progress', (progress) => {
      if (progress.version === version) onProgress(progress)
    })
  const cancelInstall = (version: string): void => void api.request('releases:cancel', { version })
  return {
    listReleases: () => api.request('releases:list', {}),
    watchProgress,
    cancelInstall,
    installRelease: async (version, onProgress, signal) => {
      const unsubscribe = watchProgress(version, onProgress)
      const cancel = (): void => cancelInstall(version)
      signal.addEventListener('abort', cancel, { once: true })
      try {
        return await api.request('releases:install', { version })
      } finally {
        signal.removeEventListener('abort', cancel)
        unsubscribe()
      }
    },
  }
}
