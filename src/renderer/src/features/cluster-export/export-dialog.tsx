import { useState } from 'react'
import type { ExportFileKind } from '../../../../shared/cluster-export/export-types'
import { useTranslation } from '../../i18n'
import { useEngineWords } from '../../i18n/engine-words'
import { ErrorMessage } from '../shared/error-message'
import { Modal } from '../shared/modal'
import { tabId, tabPanelId, Tabs } from '../shared/tabs'
import { useRequest } from '../shared/use-request'
import { ExportFileList, TlsFileList } from './export-file-list'
import { ExportHostsForm } from './export-hosts-form'
import { ExportSave } from './export-save'

/** The dialog's tabs: one per format, then the README. */
const TABS = ['bash', 'powershell', 'procfile', 'compose', 'systemd', 'readme'] as const
type Tab = (typeof TABS)[number] & ExportFileKind

/**
 * "Export to other machines": a preview of every file the export holds, one tab per format, each
 * with what it runs; the systemd units take each member's host; then Save (app) or Download
 * (browser mode).
 */
export function ExportDialog(props: { cluster: string; onClose: () => void }) {
  const { t } = useTranslation('clusterExport')
  const engineWords = useEngineWords()
  const [tab, setTab] = useState<Tab>('bash')
  const [hosts, setHosts] = useState<Record<string, string> | undefined>(undefined)
  const hostsKey = hosts ? JSON.stringify(hosts) : null
  const preview = useRequest('cluster:export-preview', { cluster: props.cluster, hosts }, [
    props.cluster,
    hostsKey,
  ])
  const view = preview.data
  const scope = `export-${props.cluster}`
  return (
    <Modal title={t('title', { cluster: props.cluster })} onClose={props.onClose} size="large">
      <p className="muted">{t('intro')}</p>
      {preview.error && (
        <ErrorMessage error={preview.error} context={t('previewFailed')} onRetry={preview.reload} />
      )}
      {!view && !preview.error && (
        <p className="muted" role="status">
          {t('loading')}
        </p>
      )}
      {view && (
        <>
          <ul className="export-notes">
            {view.notes.map((note, i) => (
              <li key={note}>{engineWords(view.noteWords[i], note)}</li>
            ))}
          </ul>
          <Tabs
            scope={scope}
            label={t('formats')}
            tabs={TABS.map((id) => ({ id, label: t(`tabs.${id}`) }))}
            selected={tab}
            onSelect={setTab}
          />
          <div
            role="tabpanel"
            id={tabPanelId(scope, tab)}
            aria-labelledby={tabId(scope, tab)}
            className="export-panel"
          >
            <p className="field__hint">{t(`twin.${tab}`)}</p>
            {tab === 'systemd' && (
              <ExportHostsForm
                key={JSON.stringify(view.hosts)}
                hosts={view.hosts}
                onApply={setHosts}
              />
            )}
            <ExportFileList files={view.files.filter((f) => f.kind === tab)} />
          </div>
          <TlsFileList files={view.files} />
        </>
      )}
      <ExportSave cluster={props.cluster} hosts={hosts} onClose={props.onClose} />
    </Modal>
  )
}
