import { useDeferredValue, useMemo, useState } from 'react'
import type { ClusterView, ListedMember } from '../../../../shared/cluster'
import { Trans, useTranslation } from '../../i18n'
import { ClusterTimelineView } from '../timeline/cluster-timeline-view'
import { copyText, saveTextFile } from '../shared/copy-text'
import { EmptyState } from '../shared/empty-state'
import { ErrorMessage } from '../shared/error-message'
import { Tabs, tabId, tabPanelId } from '../shared/tabs'
import { CrashNotice } from './crash-notice'
import { lineText, matchesFilter, type LevelFilter } from './log-buffer'
import { LogToolbar } from './log-toolbar'
import { explanationOf } from './line-explanations'
import { LogView } from './log-view'
import { useClusterLogs } from './use-cluster-logs'
import { useMemberNames } from './use-member-names'

const ALL = 'all'

/**
 * The Logs tab: the cluster timeline, then one view per member and a merged view, with follow,
 * filters (level, text, only explained lines), copy and save. Member IDs in the lines are named
 * from `memberList`. `isActive` is false while the tab is kept hidden: lines still arrive,
 * following resumes on show.
 */
export function LogsPanel(props: {
  cluster: ClusterView
  isActive?: boolean
  /** The cluster's member list (ClusterStatus.memberList), to name member IDs. */
  memberList?: readonly ListedMember[]
}) {
  const { cluster } = props
  const { t } = useTranslation('logs')
  const { t: tt } = useTranslation('timeline')
  const memberNames = useMemberNames(props.memberList)
  const [isOnlyExplained, setOnlyExplained] = useState(false)
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
    () =>
      lines.filter(
        (l) =>
          matchesFilter(l, member, level, query) && (!isOnlyExplained || explanationOf(l) !== null),
      ),
    [lines, member, level, query, isOnlyExplained],
  )
  const memberIndex = useMemo(() => new Map(names.map((n, i) => [n, i])), [names])
  const tabs = [
    { id: ALL, label: t('panel.allMembers') },
    ...names.map((n) => ({ id: `m:${n}`, label: n })),
  ]
  const text = () => shown.map((l) => lineText(l, member === null)).join('\n')
  const copy = async () =>
    setCopyOutcome(
      (await copyText(text())) ? t('panel.copied', { count: shown.length }) : t('panel.copyFailed'),
    )
  const save = () => {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-')
    saveTextFile(`${name}-${member ?? 'all-members'}-${stamp}.log`, text())
  }
  const crashed = cluster.members.filter((m) => member === null || m.name === member)
  return (
    <div className="logs-panel">
      <ClusterTimelineView cluster={name} />
      <Tabs
        scope="log-member"
        label={t('panel.viewsLabel')}
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
        isOnlyExplained={isOnlyExplained}
        onOnlyExplainedChange={setOnlyExplained}
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
      {error && <ErrorMessage error={error} context={t('panel.readFailed')} />}
      <div
        role="tabpanel"
        id={tabPanelId('log-member', view)}
        aria-labelledby={tabId('log-member', view)}
        className="logs-panel__body"
      >
        {lines.length === 0 ? (
          <EmptyState title={t('panel.noLinesTitle')}>
            <Trans t={t} i18nKey="panel.noLinesBody" components={{ strong: <strong /> }} />
          </EmptyState>
        ) : shown.length === 0 ? (
          <EmptyState title={t('panel.noMatchTitle')}>
            {isOnlyExplained ? tt('noExplained') : t('panel.noMatchBody')}
          </EmptyState>
        ) : (
          <LogView
            lines={shown}
            memberIndex={member === null ? memberIndex : null}
            memberNames={memberNames}
            isFollowing={isFollowing}
            isVisible={props.isActive ?? true}
            onFollowingChange={setFollowing}
          />
        )}
      </div>
    </div>
  )
}
