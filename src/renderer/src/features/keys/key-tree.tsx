import { useTranslation } from '../../i18n'
import { useState } from 'react'
import type { KeyChild } from '../../../../shared/keys'
import { bytesKey, displayBytes, equalBytes } from '../shared/bytes'
import { ErrorMessage } from '../shared/error-message'
import { isProbeKey, ProbeKeyTag } from '../probe/probe-key-tag'
import type { KeyEventHub } from './key-event-hub'
import { KEY_SEPARATOR, useFolder } from './use-folder'

interface TreeContext {
  cluster: string
  hub: KeyEventHub
  selectedKey: Uint8Array | null
  onSelect: (key: Uint8Array) => void
}

/** The prefix tree ("/" separated): folders list their children and count lazily when opened. */
export function KeyTree(props: TreeContext & { prefix: Uint8Array }) {
  const { prefix, ...context } = props
  const { t } = useTranslation('keys')
  const label = prefix.length === 0 ? t('tree.all') : displayBytes(prefix)
  return (
    <ul className="key-tree" aria-label={t('tree.label')}>
      <TreeFolder path={prefix} label={label} isInitiallyOpen context={context} />
    </ul>
  )
}

function TreeFolder(props: {
  path: Uint8Array
  label: string
  isInitiallyOpen?: boolean
  context: TreeContext
}) {
  const { path, context } = props
  const [isOpen, setOpen] = useState(props.isInitiallyOpen ?? false)
  const { t } = useTranslation('keys')
  const folder = useFolder(context.cluster, path, isOpen, context.hub)
  const isProbe = isProbeKey(path)
  return (
    <li className={`key-tree__folder${isProbe ? ' has-probe-tag' : ''}`}>
      <button
        type="button"
        className="tree-button"
        aria-expanded={isOpen}
        onClick={() => setOpen(!isOpen)}
      >
        <span className="tree-button__twisty" aria-hidden="true">
          {isOpen ? '▾' : '▸'}
        </span>
        <span className="tree-button__label">{props.label}</span>
        {isOpen && folder.count !== null && (
          <span className="tree-button__count"> {t('tree.count', { count: folder.count })}</span>
        )}
      </button>
      {isProbe && <ProbeKeyTag />}
      {isOpen && (
        <ul className="key-tree__children">
          {!folder.isLoaded && <li className="muted">{t('tree.loading')}</li>}
          {folder.isLoaded && folder.children.length === 0 && !folder.error && (
            <li className="muted">{t('tree.empty')}</li>
          )}
          {folder.children.map((child) => (
            <TreeChild key={bytesKey(child.path)} child={child} context={context} />
          ))}
          {folder.hasMore && (
            <li>
              <button
                type="button"
                className="button--small"
                onClick={() => void folder.loadMore()}
              >
                {t('tree.loadMore')}
              </button>
            </li>
          )}
          {folder.error && (
            <li>
              <ErrorMessage error={folder.error} context={t('tree.failed')} />
            </li>
          )}
        </ul>
      )}
    </li>
  )
}

function TreeChild(props: { child: KeyChild; context: TreeContext }) {
  const { child, context } = props
  // A folder's name excludes the separator ("/a/b" starts with a folder named ""): show it.
  if (child.isFolder) {
    const label = `${displayBytes(child.name)}${KEY_SEPARATOR}`
    return <TreeFolder path={child.path} label={label} context={context} />
  }
  const isSelected = context.selectedKey !== null && equalBytes(child.path, context.selectedKey)
  const isProbe = isProbeKey(child.path)
  return (
    <li className={`key-tree__key${isProbe ? ' has-probe-tag' : ''}`}>
      <button
        type="button"
        className={`tree-button tree-button--key${isSelected ? ' is-selected' : ''}`}
        aria-current={isSelected ? 'true' : undefined}
        onClick={() => context.onSelect(child.path)}
      >
        {child.name.length > 0 ? displayBytes(child.name) : displayBytes(child.path)}
      </button>
      {isProbe && <ProbeKeyTag />}
    </li>
  )
}
