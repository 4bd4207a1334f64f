import { useId } from 'react'
import type { InstallProgress } from '../../../../shared/releases'
import type { ErrorData } from '../../../../shared/result'
import { ErrorMessage } from '../shared/error-message'
import type { VersionOption } from './etcd-version-options'
import { InstallProgressBar } from './install-progress'
import { useReleaseInstall } from './use-release-install'

const GROUPS: { kind: VersionOption['kind']; label: string }[] = [
  { kind: 'system', label: 'On this computer' },
  { kind: 'installed', label: 'Installed releases' },
  { kind: 'downloadable', label: 'Download' },
]

/** The "etcd version" field: system etcd, installed releases, and downloadable ones when offered. */
export function EtcdVersionField(props: {
  value: string
  options: readonly VersionOption[] | null
  loadError: ErrorData | null
  issue?: string
  /** A hint under the field (not an error). */
  note?: string
  /** Progress of a download started elsewhere (by Create), with its Cancel. */
  progress?: InstallProgress | null
  onCancelProgress?: () => void
  onChange: (value: string) => void
  onInstalled: () => void
}) {
  const { value, options, issue } = props
  const id = useId()
  const install = useReleaseInstall(() => props.onInstalled())
  const progress = install.progress ?? props.progress ?? null
  const cancel = install.progress ? install.cancel : (props.onCancelProgress ?? (() => undefined))
  const selected = options?.find((o) => o.value === value)
  const hasNone = options !== null && options.length === 0
  return (
    <div className="field">
      <label htmlFor={id}>etcd version</label>
      <select
        id={id}
        value={selected ? value : ''}
        disabled={options === null || hasNone || progress !== null}
        aria-invalid={issue ? true : undefined}
        aria-describedby={issue ? `${id}-issue` : undefined}
        onChange={(e) => props.onChange(e.target.value)}
      >
        {options === null && <option value="">Looking for etcd…</option>}
        {hasNone && <option value="">No etcd found</option>}
        {GROUPS.map((group) => {
          const items = options?.filter((o) => o.kind === group.kind) ?? []
          if (items.length === 0) return null
          return (
            <optgroup key={group.kind} label={group.label}>
              {items.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.kind === 'downloadable' ? `${o.label} (download)` : o.label}
                </option>
              ))}
            </optgroup>
          )
        })}
      </select>
      {hasNone && (
        <p className="field__issue" role="alert">
          No etcd was found. Install etcd so that <code>etcd</code> is on PATH (for example{' '}
          <code>apt install etcd-server</code> or a release from github.com/etcd-io/etcd), then
          reopen this dialog.
        </p>
      )}
      {issue && (
        <p id={`${id}-issue`} className="field__issue">
          {issue}
        </p>
      )}
      {props.note && !progress && <p className="field__note">{props.note}</p>}
      {selected?.kind === 'downloadable' && !progress && (
        <button type="button" onClick={() => void install.install(selected.value)}>
          Download etcd {selected.value} now
        </button>
      )}
      {progress && <InstallProgressBar progress={progress} onCancel={cancel} />}
      {install.error && <ErrorMessage error={install.error} context="Could not install etcd" />}
      {props.loadError && (
        <ErrorMessage error={props.loadError} context="Could not list etcd versions" />
      )}
    </div>
  )
}
