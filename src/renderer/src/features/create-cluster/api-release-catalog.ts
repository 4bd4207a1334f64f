import type { EtcdDeskApi } from '../../../../shared/contract'
import type { ReleaseCatalog } from './release-catalog'

/**
 * The release catalog over the engine API: list → releases:list, install → releases:install with
 * releases:progress pushes for that version, abort → releases:cancel.
 */
export function apiReleaseCatalog(api: EtcdDeskApi): ReleaseCatalog {
  return {
    listReleases: () => api.request('releases:list', {}),
    installRelease: async (version, onProgress, signal) => {
      const unsubscribe = api.subscribe('releases:progress', (progress) => {
        if (progress.version === version) onProgress(progress)
      })
      const cancel = (): void => void api.request('releases:cancel', { version })
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
