import { useMemo, useState, type ReactNode } from 'react'
import type { ConnectionView } from '../../../../shared/connections'
import { useTranslation } from '../../i18n'
import { KeyBrowser } from '../keys/keys-panel'
import { LeasesPanel } from '../leases/leases-panel'
import { ExportSection } from '../transfer/export-section'
import { ImportSection } from '../transfer/import-section'
import { useClusterStatus } from '../member-status/use-cluster-status'
import { useApi } from '../shared/api-context'
import { ConfirmDialog } from '../shared/confirm-dialog'
import { ConnectionScopeContext } from '../shared/connection-scope'
import { ErrorMessage } from '../shared/error-message'
import { Tabs, tabId, tabPanelId } from '../shared/tabs'
import { useAction } from '../shared/use-action'
import { useRequest } from '../shared/use-request'
import { InsecureWarning } from './insecure-warning'
import { RemoteMaintenance } from './remote-maintenance'
import { RemoteMembers } from './remote-members'
import { MetricsPanel } from '../metrics/metrics-panel'

type ConnectionTab = 'members' | 'metrics' | 'keys' | 'leases' | 'transfer' | 'maintenance'

/** The tabs, in order; their labels are the cluster workspace's (desk:workspace.tabs). */
const TABS: readonly ConnectionTab[] = [
  'members',
  'metrics',
  'keys',
  'leases',
  'transfer',
  'maintenance',
]

/** Does nothing: a connected cluster's key actions have no Commands tab to show them in. */
function ignoreKeyAction(): void {}

/**
 * A connected cluster: opened on show (its members found and polled), its header with badges,
 * Settings and Delete, and the Members and Keys tabs. What needs a local process (ports, logs,
 * start and stop) is not offered.
 */
export function ConnectionWorkspace(props: {
  connection: ConnectionView
  onEdit: () => void
  onDeleted: (name: string) => void
  /** "Restore into a new cluster" of a snapshot saved from it. */
  onRestoreSnapshot: (snapshotId: string) => void
}) {
  const { connection } = props
  const name = connection.name
  const api = useApi()
  const { t } = useTranslation('connections')
  const { t: tDesk } = useTranslation('desk')
  // Saved again with other settings: opened again.
  const opened = useRequest('connections:open', { connection: name }, [
    name,
    JSON.stringify(connection),
  ])
  const status = useClusterStatus(name)
  const [tab, setTab] = useState<ConnectionTab>('members')
  const [isDeleting, setDeleting] = useState(false)
  const [openLease, setOpenLease] = useState<string | null>(null)
  const [compactedAt, setCompactedAt] = useState<string | null>(null)
  const scope = useMemo(
    () => ({ name, endpoints: connection.endpoints }),
    [name, connection.endpoints],
  )
  const remove = useAction(() => api.request('connections:delete', { connection: name }))
  const panels: Record<ConnectionTab, ReactNode> = {
    // Mounted only while shown (like every tab here), so it samples only then.
    metrics: opened.data ? (
      <MetricsPanel cluster={name} isActive leaderChanges={status.leaderChanges} />
    ) : null,
    members: (
      <RemoteMembers status={status.status ?? opened.data} leaderChanges={status.leaderChanges} />
    ),
    leases: opened.data ? (
      <LeasesPanel cluster={name} openLease={openLease} onOpenLease={setOpenLease} />
    ) : null,
    transfer: opened.data ? (
      <div className="maintenance-panel">
        <ExportSection cluster={name} />
        <ImportSection cluster={name} />
      </div>
    ) : null,
    keys: opened.data ? (
      <KeyBrowser
        cluster={name}
        onAction={ignoreKeyAction}
        compactedAt={compactedAt}
        isConnection
      />
    ) : null,
    maintenance: opened.data ? (
      <RemoteMaintenance
        cluster={name}
        status={status.status ?? opened.data}
        onRestore={props.onRestoreSnapshot}
        onCompacted={setCompactedAt}
      />
    ) : null,
  }
  return (
    <div className="workspace">
      <header className="workspace__head">
        <div>
          <h1 className="workspace__title">
            {name} <span className="badge badge--remote">{t('workspace.connected')}</span>
            {connection.readOnly && <span className="badge">{t('workspace.readOnly')}</span>}
            {connection.tls?.skipServerVerification && (
              <span className="badge badge--degraded">{t('workspace.unverified')}</span>
            )}
          </h1>
          <p className="workspace__meta">
            {[
              connection.endpoints.join(', '),
              connection.tls ? 'TLS' : null,
              connection.username ? t('workspace.asUser', { user: connection.username }) : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
          {connection.tls?.skipServerVerification && <InsecureWarning />}
          {opened.error && (
            <ErrorMessage
              error={opened.error}
              context={t('workspace.connectFailed', { name })}
              onRetry={opened.reload}
            />
          )}
        </div>
        <div className="button-row">
          <button type="button" onClick={props.onEdit}>
            {t('workspace.settings')}
          </button>
          <button type="button" className="button--danger-quiet" onClick={() => setDeleting(true)}>
            {t('workspace.delete')}
          </button>
        </div>
      </header>
      <Tabs
        scope="connection"
        label={t('workspace.tabsLabel', { name })}
        tabs={TABS.map((id) => ({ id, label: tDesk(`workspace.tabs.${id}`) }))}
        selected={tab}
        onSelect={setTab}
      />
      {TABS.map((id) => (
        <div
          key={id}
          role="tabpanel"
          id={tabPanelId('connection', id)}
          aria-labelledby={tabId('connection', id)}
          className="workspace__panel"
          hidden={id !== tab}
        >
          {id === tab && (
            // Destructive confirmations inside name this cluster (not the delete of the connection).
            <ConnectionScopeContext.Provider value={scope}>
              {panels[id]}
            </ConnectionScopeContext.Provider>
          )}
        </div>
      ))}
      {isDeleting && (
        <ConfirmDialog
          title={t('workspace.deleteTitle', { name })}
          confirmLabel={t('workspace.delete')}
          isBusy={remove.isBusy}
          error={remove.error}
          onCancel={() => setDeleting(false)}
          onConfirm={() =>
            void remove.run().then((r) => {
              if (r.ok) props.onDeleted(name)
            })
          }
        >
          <p>{t('workspace.deleteBody', { name })}</p>
        </ConfirmDialog>
      )}
    </div>
  )
}
