import { useId } from 'react'
import type { InstallProgress } from '../../../../shared/releases'
import type { ErrorData } from '../../../../shared/result'
import { Trans, useTranslation } from '../../i18n'
import { ErrorMessage } from '../shared/error-message'
import type { VersionOption } from './etcd-version-options'
import { InstallProgressBar } from './install-progress'
import { useReleaseInstall } from './use-release-install'

const GROUPS = [
  { kind: 'system', label: 'version.groupSystem' },
  { kind: 'installed', label: 'version.groupInstalled' },
  { kind: 'downloadable', label: 'version.groupDownload' },
] as const satisfies ReadonlyArray<{ kind: VersionOption['kind']; label: string }>

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
  const { t } = useTranslation('create-cluster')
  const install = useReleaseInstall(() => props.onInstalled())
  const progress = install.progress ?? props.progress ?? null
  const cancel = install.progress ? install.cancel : (props.onCancelProgress ?? (() => undefined))
  const selected = options?.find((o) => o.value === value)
  const hasNone = options !== null && options.length === 0
  return (
    <div className="field">
      <label htmlFor={id}>{t('version.label')}</label>
      <select
        id={id}
        value={selected ? value : ''}
        disabled={options === null || hasNone || progress !== null}
        aria-invalid={issue ? true : undefined}
        aria-describedby={issue ? `${id}-issue` : undefined}
        onChange={(e) => props.onChange(e.target.value)}
      >
        {options === null && <option value="">{t('version.looking')}</option>}
        {hasNone && <option value="">{t('version.none')}</option>}
        {GROUPS.map((group) => {
          const items = options?.filter((o) => o.kind === group.kind) ?? []
          if (items.length === 0) return null
          return (
            <optgroup key={group.kind} label={t(group.label)}>
              {items.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.kind === 'downloadable' ? t('version.download', { label: o.label }) : o.label}
                </option>
              ))}
            </optgroup>
          )
        })}
      </select>
      {hasNone && (
        <p className="field__issue" role="alert">
          <Trans t={t} i18nKey="version.noneFound" components={{ code: <code /> }} />
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
          {t('version.downloadNow', { version: selected.value })}
        </button>
      )}
      {progress && <InstallProgressBar progress={progress} onCancel={cancel} />}
      {install.error && <ErrorMessage error={install.error} context={t('version.installFailed')} />}
      {props.loadError && (
        <ErrorMessage error={props.loadError} context={t('version.listFailed')} />
      )}
    </div>
  )
}
