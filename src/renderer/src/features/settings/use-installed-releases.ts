import { useCallback, useEffect, useState } from 'react'
import type { InstalledRelease } from '../../../../shared/releases'
import type { ErrorData } from '../../../../shared/result'
import { useApi } from '../shared/api-context'
import { settle } from '../shared/use-action'

/** The installed etcd releases (releases:installed), newest first, with a way to read them again. */
export function useInstalledReleases() {
  const api = useApi()
  const [releases, setReleases] = useState<InstalledRelease[] | null>(null)
  const [error, setError] = useState<ErrorData | null>(null)
  const [reloads, setReloads] = useState(0)
  useEffect(() => {
    let isCurrent = true
    void settle(() => api.request('releases:installed', {})).then((result) => {
      if (!isCurrent) return
      setError(result.ok ? null : result.error)
      if (result.ok) {
        const sorted = [...result.value].sort((a, b) =>
          b.version.localeCompare(a.version, undefined, { numeric: true }),
        )
        setReleases(sorted)
      }
    })
    return () => {
      isCurrent = false
    }
  }, [api, reloads])
  const reload = useCallback(() => setReloads((n) => n + 1), [])
  return { releases, error, reload }
}

/** A short name for where a release came from. */
export function describeSource(source: string): string {
  if (source === 'import') return 'Imported archive'
  if (source === 'unknown') return 'Unknown'
  try {
    return new URL(source).host
  } catch {
    return source
  }
}
