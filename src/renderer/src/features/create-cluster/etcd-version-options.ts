import { useEffect, useState } from 'react'
import type { ClusterView } from '../../../../shared/cluster'
import type { ErrorData } from '../../../../shared/result'
import { newestFirst } from '../../../../shared/version-order'
import { i18n } from '../../i18n'
import { useApi } from '../shared/api-context'
import { settle } from '../shared/use-action'
import { endOfLifeNote } from './end-of-life-note'
import { useReleaseCatalog } from './release-catalog'

/** One choice in the "etcd version" field. */
export interface VersionOption {
  /** What goes into the spec: "system" or a version such as "3.5.17". */
  value: string
  label: string
  kind: 'system' | 'installed' | 'downloadable'
}

/** Versions the existing clusters run on a release (not "system"): those are installed. */
function versionsUsedBy(clusters: readonly ClusterView[]): string[] {
  const versions = clusters
    .filter((c) => c.definition.etcdVersion !== 'system')
    .map((c) => c.definition.resolvedVersion)
  return [...new Set(versions)].sort(newestFirst)
}

/** The etcd versions to offer: system etcd, installed releases and (with a catalog) downloads. */
export function useEtcdVersionOptions(clusters: readonly ClusterView[], reloadToken = 0) {
  const api = useApi()
  const catalog = useReleaseCatalog()
  const [options, setOptions] = useState<VersionOption[] | null>(null)
  const [error, setError] = useState<ErrorData | null>(null)
  // A string key: the cluster list changes on every push, the versions it uses rarely do.
  const usedKey = versionsUsedBy(clusters).join(',')
  useEffect(() => {
    let isCurrent = true
    const load = async () => {
      const info = await settle(() => api.request('app:info', {}))
      const system = info.ok ? info.value.systemEtcd : null
      const found: VersionOption[] = system
        ? [
            {
              value: 'system',
              label: i18n.t('create-cluster:version.system', {
                version: system.version,
                path: system.path,
                notes: endOfLifeNote(system.version),
              }),
              kind: 'system',
            },
          ]
        : []
      if (catalog) {
        const list = await settle(() => catalog.listReleases())
        if (!isCurrent) return
        if (!list.ok) setError(list.error)
        for (const r of list.ok ? list.value.releases : []) {
          if (!r.isAvailable) continue
          const kind = r.isInstalled ? 'installed' : 'downloadable'
          const pre = r.isPrerelease ? i18n.t('create-cluster:version.prerelease') : ''
          const notes = `${pre}${endOfLifeNote(r.version)}`
          const label = i18n.t('create-cluster:version.release', { version: r.version, notes })
          found.push({ value: r.version, label, kind })
        }
      } else {
        for (const v of usedKey.split(',').filter(Boolean))
          found.push({
            value: v,
            label: i18n.t('create-cluster:version.release', {
              version: v,
              notes: endOfLifeNote(v),
            }),
            kind: 'installed',
          })
      }
      if (!isCurrent) return
      if (!info.ok) setError(info.error)
      setOptions(found)
    }
    void load()
    return () => {
      isCurrent = false
    }
  }, [api, catalog, usedKey, reloadToken])
  return { options, error, canDownload: catalog !== null }
}
