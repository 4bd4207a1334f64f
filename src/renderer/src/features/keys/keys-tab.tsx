import { useTranslation } from '../../i18n'
import { useState } from 'react'
import type { ClusterView } from '../../../../shared/cluster'
import { DiscoveryRegistryPanel } from '../discovery/discovery-registry-panel'
import type { KeyActionListener } from './key-action'
import { KeysPanel } from './keys-panel'

/** Whose keys the tab shows: the cluster's own, or its token in the discovery etcd. */
type KeySource = 'cluster' | 'registry'

/**
 * The Keys tab: the key browser, and for a cluster bootstrapped by discovery a switch to its
 * discovery registry. The browser stays mounted while the registry is shown (prefix, selection
 * kept); the registry is read only while shown.
 */
export function KeysTab(props: {
  cluster: ClusterView
  onAction: KeyActionListener
  compactedAt: string | null
  /** False while the Keys tab is hidden behind another tab. */
  isActive: boolean
}) {
  const [source, setSource] = useState<KeySource>('cluster')
  const { t } = useTranslation('keys')
  const browser = (
    <KeysPanel cluster={props.cluster} onAction={props.onAction} compactedAt={props.compactedAt} />
  )
  if (!props.cluster.definition.discovery) return browser
  return (
    <>
      <div className="toolbar">
        <div className="segmented" role="group" aria-label={t('tab.source')}>
          <button
            type="button"
            aria-pressed={source === 'cluster'}
            onClick={() => setSource('cluster')}
          >
            {t('tab.cluster')}
          </button>
          <button
            type="button"
            aria-pressed={source === 'registry'}
            onClick={() => setSource('registry')}
          >
            {t('tab.registry')}
          </button>
        </div>
      </div>
      <div hidden={source !== 'cluster'}>{browser}</div>
      {source === 'registry' && (
        <DiscoveryRegistryPanel cluster={props.cluster} isActive={props.isActive} />
      )}
    </>
  )
}
