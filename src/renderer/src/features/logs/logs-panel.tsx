import { useDeferredValue, useMemo, useState } from 'react'
import type { ClusterView } from '../../../../shared/cluster'
import { copyText, saveTextFile } from '../shared/copy-text'
import { EmptyState } from '../shared/empty-state'
import { ErrorMessage } from '../shared/error-message'
import { Tabs, tabId, tabPanelId } from '../shared/tabs'
import { CrashNotice } from './crash-notice'
import { lineText, matchesFilter, type LevelFilter } from './log-buffer'
import { LogToolbar } from './log-toolbar'
import { LogView } from './log-view'
import { useClusterLogs } from './use-cluster-logs'

const ALL = 'all'

/**
 * The Logs tab: one view per member and a merged view, with follow, filters, copy and save.
 * `isActive` is false while the tab is kept hidden: lines still arrive, following resumes on show.
 */
export function LogsPanel(props: { cluster: ClusterView; isActive?: boolean }) {
  const { cluster } = props
  const name = cluster.definition.name
  const names = useMemo(() => cluster.members.map((m) => m.name), [cluster.members])
  const { lines, error } = useClusterLogs(name, names)
  const [view, setView] = useState<string>(ALL)
  const [level, setLevel] = useState<LevelFilter>('all')
  const [search, setSearch] = useState('')
  const [isFollowing, setFollowing] = useState(true)
  const [copyOutcome, setCopyOutcome] = useState('')
  const query = useDeferredValue(search)
  const member = view === ALL ? null : view.slice(2)
  const shown = useMemo(
    () => lines.filter((l) => matchesFilter(l, member, level, query)),
    [lines, member, level, query],
  )
  const memberIndex = useMemo(() => new Map(names.map((n, i) => [n, i])), [names])
  const tabs = [
    { id: ALL, label: 'All members' },
    ...names.map((n) => ({ id: `m:${n}`, label: n })),
  ]
  const text = () => shown.map((l) => lineText(l, member === null)).join('\n')
  const copy = async () =>
    setCopyOutcome((await copyText(text())) ? `Copied ${shown.length} lines` : 'Copy failed')
  const save = () => {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-')
    saveTextFile(`${name}-${member ?? 'all-members'}-${stamp}.log`, text())
  }
  const crashed = cluster.members.filter((m) => member === null || m.name === member)
  return (
    <div className="logs-panel">
      <Tabs
        scope="log-member"
        label="Log view"
        tabs={tabs}
        selected={view}
        onSelect={setView}
        className="tabs tabs--pills"
      />
      <LogToolbar
        isFollowing={isFollowing}
        onFollowingChange={setFollowing}
        level={level}
        onLevelChange={setLevel}
        search={search}
        onSearchChange={setSearch}
        shownCount={shown.length}
        totalCount={
          member === null ? lines.length : lines.filter((l) => l.member === member).length
        }
        onCopy={() => void copy()}
        onSave={save}
        copyOutcome={copyOutcome}
      />
      {crashed.map((m) => (
        <CrashNotice key={m.name} member={m} />
      ))}
      {error && <ErrorMessage error={error} context="Could not read the logs" />}
      <div
        role="tabpanel"
        id={tabPanelId('log-member', view)}
        aria-labelledby={tabId('log-member', view)}
        className="logs-panel__body"
      >
        {lines.length === 0 ? (
          <EmptyState title="No log lines yet">
            Lines appear here as soon as a member starts. Click <strong>Start all</strong> if the
            cluster is stopped.
          </EmptyState>
        ) : shown.length === 0 ? (
          <EmptyState title="No line matches">Change the level or the search text.</EmptyState>
        ) : (
          <LogView
            lines={shown}
            memberIndex={member === null ? memberIndex : null}
            isFollowing={isFollowing}
            isVisible={props.isActive ?? true}
            onFollowingChange={setFollowing}
          />
        )}
      </div>
    </div>
  )
}
