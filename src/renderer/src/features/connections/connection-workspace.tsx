import { useState, type ReactNode } from 'react'
import type { ConnectionView } from '../../../../shared/connections'
import { KeyBrowser } from '../keys/keys-panel'
import { LeasesPanel } from '../leases/leases-panel'
import { ExportSection } from '../transfer/export-section'
import { ImportSection } from '../transfer/import-section'
import { useClusterStatus } from '../member-status/use-cluster-status'
import { useApi } from '../shared/api-context'
import { ConfirmDialog } from '../shared/confirm-dialog'
import { ErrorMessage } from '../shared/error-message'
import { Tabs, tabId, tabPanelId } from '../shared/tabs'
import { useAction } from '../shared/use-action'
import { useRequest } from '../shared/use-request'
import { RemoteMembers } from './remote-members'

type ConnectionTab = 'members' | 'keys' | 'leases' | 'transfer'

const TABS: { id: ConnectionTab; label: string }[] = [
  { id: 'members', label: 'Members' },
  { id: 'keys', label: 'Keys' },
  { id: 'leases', label: 'Leases' },
  { id: 'transfer', label: 'Import/Export' },
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
}) {
  const { connection } = props
  const name = connection.name
  const api = useApi()
  // Saved again with other settings: opened again.
  const opened = useRequest('connections:open', { connection: name }, [
    name,
    JSON.stringify(connection),
  ])
  const status = useClusterStatus(name)
  const [tab, setTab] = useState<ConnectionTab>('members')
  const [isDeleting, setDeleting] = useState(false)
  const [openLease, setOpenLease] = useState<string | null>(null)
  const remove = useAction(() => api.request('connections:delete', { connection: name }))
  const panels: Record<ConnectionTab, ReactNode> = {
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
      <KeyBrowser cluster={name} onAction={ignoreKeyAction} compactedAt={null} isConnection />
    ) : null,
  }
  return (
    <div className="workspace">
      <header className="workspace__head">
        <div>
          <h1 className="workspace__title">
            {name} <span className="badge badge--remote">connected cluster</span>
            {connection.readOnly && <span className="badge">read-only</span>}
          </h1>
          <p className="workspace__meta">
            {connection.endpoints.join(', ')}
            {connection.tls ? ' · TLS' : ''}
            {connection.username ? ` · as ${connection.username}` : ''}
          </p>
          {opened.error && (
            <ErrorMessage
              error={opened.error}
              context={`Could not connect to ${name}`}
              onRetry={opened.reload}
            />
          )}
        </div>
        <div className="button-row">
          <button type="button" onClick={props.onEdit}>
            Settings
          </button>
          <button type="button" className="button--danger-quiet" onClick={() => setDeleting(true)}>
            Delete connection
          </button>
        </div>
      </header>
      <Tabs
        scope="connection"
        label={`Connected cluster ${name}`}
        tabs={TABS}
        selected={tab}
        onSelect={setTab}
      />
      {TABS.map((t) => (
        <div
          key={t.id}
          role="tabpanel"
          id={tabPanelId('connection', t.id)}
          aria-labelledby={tabId('connection', t.id)}
          className="workspace__panel"
          hidden={t.id !== tab}
        >
          {t.id === tab && panels[t.id]}
        </div>
      ))}
      {isDeleting && (
        <ConfirmDialog
          title={`Delete connection ${name}?`}
          confirmLabel="Delete connection"
          isBusy={remove.isBusy}
          error={remove.error}
          onCancel={() => setDeleting(false)}
          onConfirm={() =>
            void remove.run().then((r) => {
              if (r.ok) props.onDeleted(name)
            })
          }
        >
          <p>
            etcd Desk forgets how to reach {name} and its saved password. The cluster itself and its
            keys are not touched.
          </p>
        </ConfirmDialog>
      )}
    </div>
  )
}
