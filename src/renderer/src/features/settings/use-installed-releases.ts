import type { TFunction } from 'i18next'
import { useMemo } from 'react'
import { newestFirst } from '../../../../shared/version-order'
import { useRequest } from '../shared/use-request'

/** The installed etcd releases (releases:installed), newest first, with a way to read them again. */
export function useInstalledReleases() {
  const { data, error, reload } = useRequest('releases:installed', {}, [])
  const releases = useMemo(
    () => (data ? [...data].sort((a, b) => newestFirst(a.version, b.version)) : null),
    [data],
  )
  return { releases, error, reload }
}

/** A short name for where a release came from. */
export function describeSource(source: string, t: TFunction<'settings'>): string {
  if (source === 'import') return t('releases.sourceImport')
  if (source === 'unknown') return t('releases.sourceUnknown')
  try {
    return new URL(source).host
  } catch {
    return source
  }
}
