import { useCallback, useState, type ReactNode } from 'react'
import type { ClusterView } from '../../../../shared/cluster'
import { useTranslation } from '../../i18n'
import { AccessPanel } from '../auth/access-panel'
import { ClusterActions } from '../clusters/cluster-actions'
import { OperationStatus } from '../clusters/operation-status'
import { CommandsPanel } from '../commands/commands-panel'
import type { KeyAction } from '../keys/key-action'
import { KeysTab } from '../keys/keys-tab'
import { LeaseLinkProvider } from '../leases/lease-link'
import { LeasesPanel } from '../leases/leases-panel'
import { TransferPanel } from '../transfer/transfer-panel'
import { LogsPanel } from '../logs/logs-panel'
import { MaintenancePanel } from '../maintenance/maintenance-panel'
import { MembersPanel } from '../member-status/members-panel'
import { MetricsPanel } from '../metrics/metrics-panel'
import { useClusterStatus } from '../member-status/use-cluster-status'
import { useAppCommand } from '../shared/app-commands'
import { ErrorBoundary } from '../shared/error-boundary'
import { hasLiveMember } from '../shared/member-state'
import { StateBadge } from '../shared/state-badge'
import { Tabs, tabId, tabPanelId } from '../shared/tabs'
import { UpgradeControls } from '../upgrade/upgrade-controls'
import { ClusterWarning } from './cluster-warning'
import { listWords } from '../upgrade/upgrade-texts'
import { distinctVersions } from '../upgrade/version-facts'
import { useUpgrade } from '../upgrade/use-upgrade'

type WorkspaceTab =
  | 'members'
  | 'metrics'
  | 'logs'
  | 'keys'
  | 'leases'
  | 'transfer'
  | 'maintenance'
  | 'access'
  | 'commands'

/** The tabs, in order; their labels are in desk:workspace.tabs. */
const TABS: readonly WorkspaceTab[] = [
  'members',
  'metrics',
  'logs',
  'keys',
  'leases',
  'transfer',
  'maintenance',
  'access',
  'commands',
]

/**
 * One cluster: its header and actions, and the Members / Logs / Keys / Maintenance / Access /
 * Commands tabs. A tab's
 * panel is mounted when first shown and then kept (hidden when another tab is shown), so coming
 * back to Logs or Keys shows what was there (lines, prefix, selection) without asking again.
 */
export function ClusterWorkspace(props: {
  cluster: ClusterView
  onChanged: (view: ClusterView) => void
  onDeleted: (name: string) => void
  /** "Restore into a new cluster": opens the create dialog with this snapshot. */
  onRestoreSnapshot: (snapshotId: string) => void
}) {
  const { cluster } = props
  const name = cluster.definition.name
  const { t: translate } = useTranslation('desk')
  const tabLabel = (id: WorkspaceTab) => translate(`workspace.tabs.${id}`)
  const [tab, setTab] = useState<WorkspaceTab>('members')
  const [shown, setShown] = useState<ReadonlySet<WorkspaceTab>>(() => new Set([tab]))
  const select = (next: WorkspaceTab) => {
    setTab(next)
    setShown((before) => (before.has(next) ? before : new Set(before).add(next)))
  }
  useAppCommand('show-logs', () => select('logs'))
  useAppCommand('show-keys', () => select('keys'))
  const [lastKeyAction, setLastKeyAction] = useState<KeyAction | null>(null)
  const onKeyAction = useCallback((action: KeyAction) => setLastKeyAction(action), [])
  // The Keys tab stays mounted: it learns of a compaction made here without listing again.
  const [compactedAt, setCompactedAt] = useState<string | null>(null)
  // A key's lease link opens the Leases tab on that lease.
  const [openLease, setOpenLease] = useState<string | null>(null)
  const showLease = useCallback((leaseId: string) => {
    setOpenLease(leaseId)
    setTab('leases')
    setShown((before) => (before.has('leases') ? before : new Set(before).add('leases')))
  }, [])
  const status = useClusterStatus(name)
  const upgrade = useUpgrade(cluster)
  const isUp = hasLiveMember(cluster)
  const { definition } = cluster
  // A mixed cluster (on purpose, or half way through an upgrade) names every version it runs.
  const versions = distinctVersions(cluster.members.map((m) => m.etcdVersion))
  const versionText = versions.length > 0 ? listWords(versions) : definition.resolvedVersion
  const isSystem = definition.etcdVersion === 'system' && versionText === definition.resolvedVersion
  const panels: Record<WorkspaceTab, ReactNode> = {
    members: (
      <MembersPanel
        cluster={cluster}
        status={isUp ? status.status : null}
        leaderChanges={status.leaderChanges}
        newLeader={status.newLeader}
        onChanged={props.onChanged}
        upgradeReport={upgrade.report}
        onDismissUpgradeReport={upgrade.dismissReport}
      />
    ),
    metrics: (
      <MetricsPanel
        cluster={name}
        isActive={tab === 'metrics'}
        leaderChanges={status.leaderChanges}
      />
    ),
    logs: (
      <LogsPanel
        cluster={cluster}
        isActive={tab === 'logs'}
        memberList={status.status?.memberList}
      />
    ),
    keys: (
      <KeysTab
        cluster={cluster}
        onAction={onKeyAction}
        compactedAt={compactedAt}
        isActive={tab === 'keys'}
      />
    ),
    leases: <LeasesPanel cluster={cluster} openLease={openLease} onOpenLease={setOpenLease} />,
    transfer: <TransferPanel cluster={cluster} />,
    maintenance: (
      <MaintenancePanel
        cluster={cluster}
        status={isUp ? status.status : null}
        onRestore={props.onRestoreSnapshot}
        onCompacted={setCompactedAt}
      />
    ),
    access: <AccessPanel cluster={cluster} />,
    commands: (
      <CommandsPanel
        cluster={cluster}
        lastKeyAction={lastKeyAction}
        leader={isUp ? (status.status?.leaderName ?? null) : null}
      />
    ),
  }
  return (
    <div className="workspace">
      <header className="workspace__head">
        <div>
          <h1 className="workspace__title">
            {name} <StateBadge state={cluster.state} />
          </h1>
          <p className="workspace__meta">
            {translate('workspace.version', { version: versionText })}
            {isSystem ? translate('workspace.system') : ''} ·{' '}
            {translate('workspace.members', { count: cluster.members.length })} ·{' '}
            {cluster.definition.host}
            {isUp && status.status?.leaderName
              ? translate('workspace.leader', { name: status.status.leaderName })
              : ''}
          </p>
          <OperationStatus operation={cluster.operation} />
          <UpgradeControls cluster={cluster} upgrade={upgrade} />
          <ClusterWarning cluster={cluster} />
        </div>
        <ClusterActions
          cluster={cluster}
          onChanged={props.onChanged}
          onDeleted={props.onDeleted}
          upgrade={upgrade}
        />
      </header>
      <Tabs
        scope="workspace"
        label={translate('workspace.tabsLabel', { name })}
        tabs={TABS.map((id) => ({ id, label: tabLabel(id) }))}
        selected={tab}
        onSelect={select}
      />
      {TABS.filter((id) => shown.has(id)).map((id) => (
        <div
          key={id}
          role="tabpanel"
          id={tabPanelId('workspace', id)}
          aria-labelledby={tabId('workspace', id)}
          className="workspace__panel"
          hidden={id !== tab}
        >
          <ErrorBoundary area={translate('workspace.tabArea', { tab: tabLabel(id) })}>
            <LeaseLinkProvider value={showLease}>{panels[id]}</LeaseLinkProvider>
          </ErrorBoundary>
        </div>
      ))}
    </div>
  )
}
