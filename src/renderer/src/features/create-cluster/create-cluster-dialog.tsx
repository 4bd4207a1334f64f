import { useId, useState } from 'react'
import type { ClusterSpec, ClusterView } from '../../../../shared/cluster'
import { MAX_MEMBERS, MIN_MEMBERS } from '../../../../shared/cluster-rules'
import { hasErrors } from '../../../../shared/validate-cluster-spec'
import { useTranslation } from '../../i18n'
import { useApi } from '../shared/api-context'
import { BusyButton } from '../shared/busy-button'
import { ErrorMessage } from '../shared/error-message'
import { Modal } from '../shared/modal'
import { useAction } from '../shared/use-action'
import { EtcdVersionField } from './etcd-version-field'
import { useEtcdVersionOptions } from './etcd-version-options'
import { AdvancedOptions } from './advanced-options'
import { MaintenanceOptionsFields } from './maintenance-options-fields'
import { MemberPortsEditor } from './member-ports-editor'
import { memberVersionOptions, versionsToDownload } from './mixed-versions'
import { CheckboxField } from './checkbox-field'
import { BootstrapField } from './bootstrap-field'
import { draftIssues, messageAt } from './spec-issues'
import { useEngineWords } from '../../i18n/engine-words'
import { useCreateDownload } from './use-create-download'
import { DEFAULT_MEMBER_COUNT, useClusterDraft } from './use-cluster-draft'

const MEMBER_COUNTS = Array.from(
  { length: MAX_MEMBERS - MIN_MEMBERS + 1 },
  (_, i) => i + MIN_MEMBERS,
)

/** Codes after which the cluster was saved although it did not start. */
const SAVED_BUT_NOT_STARTED = new Set(['START_TIMEOUT', 'MEMBER_CRASHED'])

/** The "Create cluster" dialog: name, members, etcd version, editable ports; validated before sending. */
export function CreateClusterDialog(props: {
  clusters: readonly ClusterView[]
  onClose: () => void
  onCreated: (view: ClusterView) => void
  onShowCluster: (name: string) => void
  /** Prefills "From snapshot" ("Restore into a new cluster" of the Maintenance tab). */
  fromSnapshot?: string | null
}) {
  const api = useApi()
  const ids = useId()
  const { t } = useTranslation('create-cluster')
  const engineWords = useEngineWords()
  const draft = useClusterDraft(props.fromSnapshot ? { fromSnapshot: props.fromSnapshot } : {})
  const [versionsReload, setVersionsReload] = useState(0)
  const versions = useEtcdVersionOptions(props.clusters, versionsReload)
  const [hasTried, setTried] = useState(false)
  const [isMixed, setMixed] = useState(false)
  // While a create runs (and once it succeeded) the draft is checked against the clusters as they
  // were when it was sent: the new cluster's own pushes must not flag its name and ports as taken.
  const [sentAgainst, setSentAgainst] = useState<readonly ClusterView[] | null>(null)
  const create = useAction((spec: ClusterSpec) => api.request('cluster:create', spec))
  const download = useCreateDownload()
  const spec = draft.spec
  const chosen =
    versions.options?.find((o) => o.value === spec?.etcdVersion) ?? versions.options?.[0]
  const effective = spec && chosen ? { ...spec, etcdVersion: chosen.value } : spec
  const issues = effective ? draftIssues(effective, sentAgainst ?? props.clusters, engineWords) : []
  const toDownload = chosen?.kind === 'downloadable' ? chosen.value : null
  const downloads = versionsToDownload(effective, versions.options)
  const errorCount = issues.filter((i) => i.severity === 'error').length
  const submit = async (event: React.FormEvent) => {
    event.preventDefault()
    setTried(true)
    if (!effective || hasErrors(issues) || draft.isSuggesting) return
    setSentAgainst(props.clusters)
    const result = await download.follow(downloads, () => create.run(effective))
    if (result.ok) return props.onCreated(result.value)
    // What the engine refused is shown as its error; the form's own checks start afresh.
    setSentAgainst(null)
    setTried(false)
    // The version may be installed even though the cluster did not start (a busy port, say).
    if (downloads.length > 0) setVersionsReload((n) => n + 1)
  }
  const nameIssue = messageAt(issues, 'name')
  const countIssue = messageAt(issues, 'members')
  return (
    <Modal
      title={props.fromSnapshot ? t('dialog.restoreTitle') : t('dialog.title')}
      size="large"
      onClose={props.onClose}
      isBusy={create.isBusy}
    >
      <form className="create-form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="form-grid">
          <div className="field">
            <label htmlFor={`${ids}-name`}>{t('dialog.name')}</label>
            <input
              id={`${ids}-name`}
              value={spec?.name ?? ''}
              readOnly={!spec}
              autoComplete="off"
              spellCheck={false}
              aria-invalid={nameIssue ? true : undefined}
              aria-describedby={nameIssue ? `${ids}-name-issue` : undefined}
              onChange={(e) => draft.setName(e.target.value)}
            />
            {nameIssue && (
              <p id={`${ids}-name-issue`} className="field__issue">
                {nameIssue}
              </p>
            )}
          </div>
          <div className="field">
            <label htmlFor={`${ids}-count`}>{t('dialog.members')}</label>
            <select
              id={`${ids}-count`}
              value={spec?.members.length ?? DEFAULT_MEMBER_COUNT}
              disabled={!spec}
              onChange={(e) => void draft.suggest(Number(e.target.value))}
            >
              {MEMBER_COUNTS.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
            {countIssue && <p className="field__note">{countIssue}</p>}
          </div>
          <EtcdVersionField
            value={chosen?.value ?? ''}
            options={versions.options}
            loadError={versions.error}
            issue={messageAt(issues, 'etcdVersion')}
            note={toDownload ? t('dialog.downloadNote', { version: toDownload }) : undefined}
            progress={download.progress}
            onCancelProgress={download.cancel}
            onChange={draft.setVersion}
            onInstalled={() => setVersionsReload((n) => n + 1)}
          />
        </div>
        {draft.isSuggesting && (
          <p className="muted" role="status">
            {t('dialog.findingPorts')}
          </p>
        )}
        {draft.suggestError && (
          <p className="field__note">
            {t('dialog.suggestFailed', { message: draft.suggestError.message })}
          </p>
        )}
        <AdvancedOptions
          isOpen={Boolean(
            spec?.fromSnapshot || spec?.quotaBackendBytes || spec?.tls || spec?.bootstrap,
          )}
        >
          <CheckboxField
            label={t('dialog.tls')}
            hint={t('dialog.tlsHint')}
            checked={spec?.tls === true}
            disabled={!spec}
            onChange={(on) => draft.setOptions({ tls: on || undefined })}
          />
          <BootstrapField
            value={spec?.bootstrap ?? 'static'}
            disabled={!spec}
            onChange={(mode) =>
              draft.setOptions({ bootstrap: mode === 'discovery' ? mode : undefined })
            }
          />
          <CheckboxField
            label={t('dialog.faults')}
            hint={t('dialog.faultsHint')}
            checked={spec?.networkFaults === true}
            disabled={!spec}
            onChange={draft.setNetworkFaults}
          />
          {spec && <MaintenanceOptionsFields spec={spec} onChange={draft.setOptions} />}
          <CheckboxField
            label={t('dialog.mixed')}
            hint={t('dialog.mixedHint')}
            checked={isMixed}
            disabled={!spec}
            onChange={(on) => {
              setMixed(on)
              if (!on) draft.clearMemberVersions()
            }}
          />
        </AdvancedOptions>
        {spec && (
          <MemberPortsEditor
            members={spec.members}
            host={spec.host}
            networkFaults={spec.networkFaults === true}
            issues={issues}
            onChange={draft.setMember}
            versionOptions={isMixed ? memberVersionOptions(versions.options) : null}
            onVersionChange={draft.setMemberVersion}
          />
        )}
        {hasTried && errorCount > 0 && (
          <p className="form-summary" role="alert">
            {t('dialog.fix', { count: errorCount })}
          </p>
        )}
        {create.isBusy && !download.progress && (
          <p className="muted" role="status">
            {t('dialog.starting', { count: spec?.members.length ?? 0 })}
          </p>
        )}
        {create.error && <ErrorMessage error={create.error} context={t('dialog.createFailed')} />}
        {create.error && SAVED_BUT_NOT_STARTED.has(create.error.code) && spec && (
          <p className="field__note">
            {t('dialog.savedNotStarted')}{' '}
            <button
              type="button"
              className="button--link"
              onClick={() => props.onShowCluster(spec.name)}
            >
              {t('dialog.showCluster', { name: spec.name })}
            </button>
          </p>
        )}
        <div className="modal__actions">
          <button type="button" onClick={props.onClose} disabled={create.isBusy}>
            {t('dialog.cancel')}
          </button>
          <BusyButton
            type="submit"
            className="button--primary"
            isBusy={create.isBusy}
            disabled={!spec}
          >
            {downloads.length > 0 ? t('dialog.downloadAndCreate') : t('dialog.create')}
          </BusyButton>
        </div>
      </form>
    </Modal>
  )
}
