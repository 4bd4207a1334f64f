import { useState } from 'react'
import type { ClusterView } from '../../../../shared/cluster'
import { useTranslation } from '../../i18n'
import { ExportDialog } from './export-dialog'

/** "Export…" in a cluster's actions: opens the export dialog (scripts, Procfile, compose, systemd). */
export function ExportClusterButton(props: { cluster: ClusterView }) {
  const { t } = useTranslation('clusterExport')
  const [isOpen, setOpen] = useState(false)
  const name = props.cluster.definition.name
  return (
    <>
      <button type="button" title={t('openTitle')} onClick={() => setOpen(true)}>
        {t('open')}
      </button>
      {isOpen && <ExportDialog cluster={name} onClose={() => setOpen(false)} />}
    </>
  )
}
