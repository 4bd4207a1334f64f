import { useRef, useState } from 'react'
import type { ConnectionView } from '../../../../shared/connections'
import { useTranslation } from '../../i18n'
import { ClusterList } from '../clusters/cluster-list'
import { ConnectDialog } from '../connections/connect-dialog'
import { ConnectionList } from '../connections/connection-list'
import { ConnectionWorkspace } from '../connections/connection-workspace'
import { useConnections } from '../connections/use-connections'
import { useClusters } from '../clusters/use-clusters'
import { CreateClusterDialog } from '../create-cluster/create-cluster-dialog'
import { SettingsDialog } from '../settings/settings-dialog'
import { useAppInfo } from '../settings/use-app-info'
import { useAppCommand } from '../shared/app-commands'
import { ConnectionBanner } from '../shared/connection-banner'
import { EmptyState } from '../shared/empty-state'
import { focusSearchField } from '../shared/find-field'
import { ClusterWorkspace } from './cluster-workspace'
import { StartupNotice } from './startup-notice'

/** The dialogs the desk can open; one at a time. */
type DeskDialog = 'create-cluster' | 'settings' | 'connect'

/**
 * The whole window: banners (connection, start-up report), clusters sidebar, the selected
 * cluster's workspace, the create and settings dialogs, and the app commands (menu or shortcut)
 * that open them or find.
 */
export function Desk() {
  const clusters = useClusters()
  const { t } = useTranslation('desk')
  const connections = useConnections()
  /** The connected cluster shown instead of a local one, when one is selected. */
  const [connectionName, setConnectionName] = useState<string | null>(null)
  /** The connection whose settings the connect dialog edits (null: a new one). */
  const [editing, setEditing] = useState<ConnectionView | null>(null)
  const info = useAppInfo()
  const [selectedName, setSelectedName] = useState<string | null>(null)
  const [dialog, setDialog] = useState<DeskDialog | null>(null)
  /** The snapshot a new cluster is restored from, when "Restore into a new cluster" opened it. */
  const [restoreFrom, setRestoreFrom] = useState<string | null>(null)
  const main = useRef<HTMLElement>(null)
  // Why "only when none is open": replacing the create dialog would throw away what was typed.
  const open = (next: DeskDialog) => setDialog((current) => current ?? next)
  const restore = (snapshotId: string) => {
    if (dialog) return
    setRestoreFrom(snapshotId)
    open('create-cluster')
  }
  const closeDialog = () => {
    setDialog(null)
    setRestoreFrom(null)
    setEditing(null)
  }
  useAppCommand('create-cluster', () => open('create-cluster'))
  useAppCommand('show-settings', () => open('settings'))
  useAppCommand('find', () => focusSearchField(main.current))
  const selected =
    clusters.clusters.find((c) => c.definition.name === selectedName) ??
    clusters.clusters[0] ??
    null
  const show = (name: string) => {
    setSelectedName(name)
    setConnectionName(null)
    closeDialog()
  }
  const connection = connections.connections.find((c) => c.name === connectionName) ?? null
  return (
    <div className="desk">
      <div className="desk__banners">
        <ConnectionBanner />
        <StartupNotice report={info?.startup ?? null} />
      </div>
      <aside className="desk__sidebar">
        <div className="brand">
          <span className="brand__mark" aria-hidden="true" />
          etcd Desk
        </div>
        <ClusterList
          clusters={clusters.clusters}
          selected={selected?.definition.name ?? null}
          isLoaded={clusters.isLoaded}
          error={clusters.error}
          onSelect={(name) => {
            setSelectedName(name)
            setConnectionName(null)
          }}
          onCreate={() => open('create-cluster')}
          onRetry={clusters.reload}
        />
        <ConnectionList
          connections={connections.connections}
          selected={connection?.name ?? null}
          error={connections.error}
          onSelect={setConnectionName}
          onConnect={() => open('connect')}
          onRetry={connections.reload}
        />
        <div className="desk__sidebar-footer">
          <button type="button" className="button--quiet" onClick={() => open('settings')}>
            {t('desk.settings')}
          </button>
        </div>
      </aside>
      <main className="desk__main" ref={main}>
        {connection ? (
          <ConnectionWorkspace
            key={connection.name}
            connection={connection}
            onEdit={() => {
              setEditing(connection)
              open('connect')
            }}
            onDeleted={() => {
              setConnectionName(null)
              connections.reload()
            }}
            onRestoreSnapshot={restore}
          />
        ) : selected ? (
          <ClusterWorkspace
            key={selected.definition.name}
            cluster={selected}
            onChanged={clusters.update}
            onDeleted={clusters.remove}
            onRestoreSnapshot={restore}
          />
        ) : (
          clusters.isLoaded && (
            <EmptyState
              title={t('desk.emptyTitle')}
              action={
                <button
                  type="button"
                  className="button--primary"
                  onClick={() => open('create-cluster')}
                >
                  {t('desk.create')}
                </button>
              }
            >
              {t('desk.emptyBody')}
            </EmptyState>
          )
        )}
      </main>
      {dialog === 'create-cluster' && (
        <CreateClusterDialog
          clusters={clusters.clusters}
          fromSnapshot={restoreFrom}
          onClose={closeDialog}
          onCreated={(view) => {
            clusters.update(view)
            show(view.definition.name)
          }}
          onShowCluster={show}
        />
      )}
      {dialog === 'settings' && <SettingsDialog onClose={closeDialog} />}
      {dialog === 'connect' && (
        <ConnectDialog
          editing={editing}
          onClose={closeDialog}
          onSaved={(view) => {
            connections.reload()
            setConnectionName(view.name)
            closeDialog()
          }}
        />
      )}
    </div>
  )
}
