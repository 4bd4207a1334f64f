import { Trans, useTranslation } from '../../i18n'
import { useEffect, useMemo, useState } from 'react'
import type { ClusterView } from '../../../../shared/cluster'
import { BrowseAsControl } from '../auth/browse-as-control'
import { bytesKey, encodeText, requestBytes } from '../shared/bytes'
import { EmptyState } from '../shared/empty-state'
import { ErrorMessage } from '../shared/error-message'
import { hasLiveMember } from '../shared/member-state'
import { useAction } from '../shared/use-action'
import { useApi } from '../shared/api-context'
import type { KeyActionListener } from './key-action'
import { KeyEditor, type EditTarget } from './key-editor'
import { createKeyEventHub } from './key-event-hub'
import { KeyList } from './key-list'
import { CompactionNote, newestRevision } from './compaction-note'
import { KeyTree } from './key-tree'
import { KeysDialogs, type KeysDialog } from './keys-dialogs'
import { KeysToolbar, type KeysView } from './keys-toolbar'
import { KeySearchPanel } from '../key-search/key-search-panel'
import { KEY_PAGE_SIZE, useKeyList } from './use-key-list'
import { useKeyWatch } from './use-key-watch'
import { ValueViewer } from './value-viewer'

/** Wait after the last keystroke in the Prefix field before listing (one request, not one per key). */
const PREFIX_DEBOUNCE_MS = 250

/** The Keys tab: a stopped cluster explains itself; a running one gets the key browser. */
export function KeysPanel(props: {
  cluster: ClusterView
  onAction: KeyActionListener
  /** A compaction made in this window since the list was read (the Maintenance tab). */
  compactedAt?: string | null
}) {
  const { t } = useTranslation('keys')
  if (!hasLiveMember(props.cluster)) {
    return (
      <EmptyState title={t('panel.stoppedTitle', { name: props.cluster.definition.name })}>
        <Trans t={t} i18nKey="panel.stoppedBody" components={{ strong: <strong /> }} />
      </EmptyState>
    )
  }
  return (
    <KeyBrowser
      cluster={props.cluster.definition.name}
      onAction={props.onAction}
      compactedAt={props.compactedAt ?? null}
    />
  )
}

/** The key browser of one cluster or open connection (its name), without the stopped-cluster check. */
export function KeyBrowser(props: {
  cluster: string
  onAction: KeyActionListener
  compactedAt: string | null
  /** A connected cluster: its keys are read as the connection's user, so no "Browse as". */
  isConnection?: boolean
}) {
  const { cluster } = props
  const api = useApi()
  const { t } = useTranslation('keys')
  // Key actions carry the browse-as user, so their etcdctl twins log in as that user.
  const [asUser, setAsUser] = useState<string | null>(null)
  const onAction = useMemo(() => {
    const report = props.onAction
    return asUser === null
      ? report
      : (action: Parameters<typeof report>[0]) => report({ ...action, asUser })
  }, [props.onAction, asUser])
  const [prefixDraft, setPrefixDraft] = useState('')
  const [prefixText, setPrefixText] = useState('')
  const [view, setView] = useState<KeysView>('list')
  const [selected, setSelected] = useState<Uint8Array | null>(null)
  const [editing, setEditing] = useState<EditTarget | null>(null)
  const [dialog, setDialog] = useState<KeysDialog | null>(null)
  const [hub] = useState(createKeyEventHub)
  const list = useKeyList(cluster, prefixText)
  const watch = useKeyWatch(
    cluster,
    prefixText,
    list.isLoading ? null : list.revision,
    (events) => {
      list.applyEvents(events)
      hub.publish({ type: 'events', events })
    },
    () => {
      list.reload()
      hub.publish({ type: 'resync' })
    },
  )
  useEffect(() => {
    if (prefixDraft === prefixText) return
    const timer = setTimeout(() => {
      setPrefixText(prefixDraft)
      onAction({ kind: 'list', prefix: encodeText(prefixDraft), limit: KEY_PAGE_SIZE })
    }, PREFIX_DEBOUNCE_MS)
    return () => clearTimeout(timer)
  }, [prefixDraft, prefixText, onAction])
  const prefix = useMemo(() => encodeText(prefixText), [prefixText])
  const select = (key: Uint8Array) => {
    setSelected(key)
    setEditing(null)
    onAction({ kind: 'get', key })
  }
  const jump = useAction((key: Uint8Array) =>
    api.request('keys:get', { cluster, key: requestBytes(key) }),
  )
  const jumpTo = async (text: string) => {
    const result = await jump.run(encodeText(text))
    if (result.ok) select(result.value.key)
  }
  return (
    <div className="keys-panel">
      {!props.isConnection && (
        <BrowseAsControl
          cluster={cluster}
          onChanged={(user) => {
            setAsUser(user)
            list.reload()
          }}
        />
      )}
      <KeysToolbar
        prefix={prefixDraft}
        onPrefixChange={setPrefixDraft}
        view={view}
        onViewChange={setView}
        onJump={(text) => void jumpTo(text)}
        isJumping={jump.isBusy}
        onNewKey={() => setEditing({ kind: 'new', prefix: prefixText })}
        onDeletePrefix={() => setDialog({ kind: 'prefix', prefix })}
        canDeletePrefix={prefixText !== '' && prefixDraft === prefixText}
      />
      {jump.error && (
        <ErrorMessage
          error={jump.error}
          context={t('panel.openFailed')}
          onDismiss={jump.clearError}
        />
      )}
      <CompactionNote revision={newestRevision(list.compactRevision, props.compactedAt)} />
      {watch.watchError && (
        <div className="banner banner--warn" role="alert">
          {t('panel.watchStopped', { error: watch.watchError })}{' '}
          <button type="button" className="button--small" onClick={watch.retry}>
            {t('panel.retry')}
          </button>
        </div>
      )}
      <div className="keys-panel__split">
        <div className="keys-panel__nav">
          {/* Kept mounted (hidden) while another view shows: its matches and progress stay. */}
          <div className="keys-panel__search" hidden={view !== 'search'}>
            <KeySearchPanel
              cluster={cluster}
              prefix={prefix}
              selectedKey={selected}
              onSelect={select}
            />
          </div>
          {list.error && view !== 'search' && (
            <ErrorMessage
              error={list.error}
              context={t('panel.listFailed')}
              onRetry={list.reload}
            />
          )}
          {view === 'search' ? null : view === 'tree' ? (
            <KeyTree
              cluster={cluster}
              prefix={prefix}
              hub={hub}
              selectedKey={selected}
              onSelect={select}
            />
          ) : list.isLoading ? (
            <p className="muted" role="status">
              {t('panel.loading')}
            </p>
          ) : list.entries.length === 0 && !list.error ? (
            <EmptyState title={prefixText ? t('panel.noMatch') : t('panel.noKeys')}>
              <Trans
                t={t}
                i18nKey={prefixText ? 'panel.writeOneOrPrefix' : 'panel.writeOne'}
                components={{ strong: <strong /> }}
              />
            </EmptyState>
          ) : (
            <KeyList
              entries={list.entries}
              count={list.count}
              hasMore={list.nextKey !== null}
              isLoadingMore={list.isLoadingMore}
              selectedKey={selected}
              onSelect={select}
              onLoadMore={() => void list.loadMore()}
            />
          )}
        </div>
        <div className="keys-panel__detail">
          {editing ? (
            <KeyEditor
              key={editing.kind === 'edit' ? bytesKey(editing.entry.key) : 'new'}
              cluster={cluster}
              target={editing}
              onCancel={() => setEditing(null)}
              onSaved={(key, value) => {
                onAction({ kind: 'put', key, value })
                setEditing(null)
                setSelected(key)
              }}
            />
          ) : selected ? (
            <ValueViewer
              key={bytesKey(selected)}
              cluster={cluster}
              keyBytes={selected}
              hub={hub}
              onEdit={(entry) => setEditing({ kind: 'edit', entry })}
              onDelete={(entry) => setDialog({ kind: 'key', key: entry.key })}
              onRestored={(key, value) => onAction({ kind: 'put', key, value })}
            />
          ) : (
            <EmptyState title={t('panel.noneSelected')}>
              <Trans t={t} i18nKey="panel.pick" components={{ strong: <strong /> }} />
            </EmptyState>
          )}
        </div>
      </div>
      <KeysDialogs
        cluster={cluster}
        dialog={dialog}
        onClose={() => setDialog(null)}
        onAction={onAction}
        onKeyDeleted={() => setSelected(null)}
      />
    </div>
  )
}
