import { useCallback, useState } from 'react'
import type { ClusterView } from '../../../../shared/cluster'
import { ClusterActions } from '../clusters/cluster-actions'
import { CommandsPanel } from '../commands/commands-panel'
import type { KeyAction } from '../keys/key-action'
import { KeysPanel } from '../keys/keys-panel'
import { LogsPanel } from '../logs/logs-panel'
import { MembersPanel } from '../member-status/members-panel'
import { useClusterStatus } from '../member-status/use-cluster-status'
import { useAppCommand } from '../shared/app-commands'
import { hasLiveMember } from '../shared/member-state'
import { StateBadge } from '../shared/state-badge'
import { Tabs, tabId, tabPanelId } from '../shared/tabs'

type WorkspaceTab = 'members' | 'logs' | 'keys' | 'commands'

const TABS: { id: WorkspaceTab; label: string }[] = [
  { id: 'members', label: 'Members' },
  { id: 'logs', label: 'Logs' },
  { id: 'keys', label: 'Keys' },
  { id: 'commands', label: 'Commands' },
]

/** One cluster: its header and actions, and the Members / Logs / Keys / Commands tabs. */
export function ClusterWorkspace(props: {
  cluster: ClusterView
  onChanged: (view: ClusterView) => void
  onDeleted: (name: string) => void
}) {
  const { cluster } = props
  const name = cluster.definition.name
  const [tab, setTab] = useState<WorkspaceTab>('members')
  useAppCommand('show-logs', () => setTab('logs'))
  useAppCommand('show-keys', () => setTab('keys'))
  const [lastKeyAction, setLastKeyAction] = useState<KeyAction | null>(null)
  const onKeyAction = useCallback((action: KeyAction) => setLastKeyAction(action), [])
  const status = useClusterStatus(name)
  const isUp = hasLiveMember(cluster)
  return (
    <div className="workspace">
      <header className="workspace__head">
        <div>
          <h1 className="workspace__title">
            {name} <StateBadge state={cluster.state} />
          </h1>
          <p className="workspace__meta">
            etcd {cluster.definition.resolvedVersion}
            {cluster.definition.etcdVersion === 'system' ? ' (system)' : ''} ·{' '}
            {cluster.members.length} {cluster.members.length === 1 ? 'member' : 'members'} ·{' '}
            {cluster.definition.host}
            {isUp && status.status?.leaderName ? ` · leader ${status.status.leaderName}` : ''}
          </p>
        </div>
        <ClusterActions cluster={cluster} onChanged={props.onChanged} onDeleted={props.onDeleted} />
      </header>
      <Tabs
        scope="workspace"
        label={`Cluster ${name}`}
        tabs={TABS}
        selected={tab}
        onSelect={setTab}
      />
      <div
        role="tabpanel"
        id={tabPanelId('workspace', tab)}
        aria-labelledby={tabId('workspace', tab)}
        className="workspace__panel"
      >
        {tab === 'members' && (
          <MembersPanel
            cluster={cluster}
            status={isUp ? status.status : null}
            leaderChanges={status.leaderChanges}
            newLeader={status.newLeader}
            onChanged={props.onChanged}
          />
        )}
        {tab === 'logs' && <LogsPanel cluster={cluster} />}
        {tab === 'keys' && <KeysPanel cluster={cluster} onAction={onKeyAction} />}
        {tab === 'commands' && <CommandsPanel cluster={cluster} lastKeyAction={lastKeyAction} />}
      </div>
    </div>
  )
}
