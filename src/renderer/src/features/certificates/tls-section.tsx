import { i18n, useTranslation } from '../../i18n'
import { useState } from 'react'
import type { ClusterView } from '../../../../shared/cluster'
import type { TlsChangeReport } from '../../../../shared/tls-switch'
import { blockedBy } from '../clusters/operation'
import { useApi } from '../shared/api-context'
import { BusyButton } from '../shared/busy-button'
import { ConfirmDialog } from '../shared/confirm-dialog'
import { ErrorMessage } from '../shared/error-message'
import { hasLiveMember } from '../shared/member-state'
import { useAction } from '../shared/use-action'
import { CertificatesSection } from './certificates-section'
import { TlsChangeReportView } from './tls-change-report'

/**
 * The Commands tab's TLS part: "Enable TLS" for a plain cluster (or "Continue enabling TLS" for a
 * switch left half done), and for a TLS cluster "Rotate certificates" above its certificates.
 * Both restart every member, which the confirmation says before anything happens.
 */
export function TlsSection(props: { cluster: ClusterView }) {
  const { cluster } = props
  const def = cluster.definition
  const [report, setReport] = useState<TlsChangeReport | null>(null)
  const isSecure = def.tls === true && !def.tlsSwitch
  return (
    <>
      {isSecure ? (
        <RotateControl cluster={cluster} onReport={setReport} />
      ) : (
        <EnableControl cluster={cluster} onReport={setReport} />
      )}
      {report && <TlsChangeReportView report={report} />}
      {isSecure && <CertificatesSection cluster={cluster} />}
    </>
  )
}

/** Why a TLS change cannot start now, or null. */
function blockedReason(cluster: ClusterView): string | null {
  return (
    blockedBy(cluster.operation, 'enable-tls') ??
    (hasLiveMember(cluster) ? null : i18n.t('certificates:tls.startFirst'))
  )
}

function EnableControl(props: { cluster: ClusterView; onReport: (r: TlsChangeReport) => void }) {
  const api = useApi()
  const name = props.cluster.definition.name
  const pending = props.cluster.definition.tlsSwitch ?? null
  const { t } = useTranslation('certificates')
  const [isAsking, setAsking] = useState(false)
  const enable = useAction(() => api.request('cluster:enable-tls', { cluster: name }))
  const blocked = blockedReason(props.cluster)
  const label = pending ? t('tls.continue') : t('tls.enable')
  const run = async () => {
    const result = await enable.run()
    setAsking(false)
    if (result.ok) props.onReport(result.value)
  }
  return (
    <section aria-labelledby="tls-title">
      <h3 id="tls-title">{t('tls.title')}</h3>
      <p className="muted">
        {pending ? t('tls.stoppedIn', { phase: t(`tls.phases.${pending.phase}`) }) : t('tls.plain')}
      </p>
      <div className="button-row">
        <BusyButton
          isBusy={enable.isBusy}
          disabled={blocked !== null}
          title={blocked ?? undefined}
          onClick={() => (pending ? void run() : setAsking(true))}
        >
          {label}
        </BusyButton>
        {blocked && <span className="muted">{blocked}</span>}
      </div>
      {enable.error && !isAsking && (
        <ErrorMessage
          error={enable.error}
          context={t('tls.enableFailed')}
          onDismiss={enable.clearError}
        />
      )}
      {isAsking && (
        <ConfirmDialog
          title={t('tls.enableTitle', { name })}
          confirmLabel={t('tls.enable')}
          isBusy={enable.isBusy}
          error={enable.error}
          onConfirm={() => void run()}
          onCancel={() => {
            setAsking(false)
            enable.clearError()
          }}
        >
          <p>{t('tls.enableBody')}</p>
          <ol>
            <li>{t('tls.step1')}</li>
            <li>{t('tls.step2')}</li>
            <li>{t('tls.step3')}</li>
          </ol>
          <p className="muted">{t('tls.enableNote')}</p>
        </ConfirmDialog>
      )}
    </section>
  )
}

function RotateControl(props: { cluster: ClusterView; onReport: (r: TlsChangeReport) => void }) {
  const api = useApi()
  const name = props.cluster.definition.name
  const [isAsking, setAsking] = useState(false)
  const { t } = useTranslation('certificates')
  const rotate = useAction(() => api.request('cluster:rotate-certificates', { cluster: name }))
  const blocked = blockedReason(props.cluster)
  const run = async () => {
    const result = await rotate.run()
    setAsking(false)
    if (result.ok) props.onReport(result.value)
  }
  return (
    <section aria-labelledby="tls-title">
      <h3 id="tls-title">{t('tls.title')}</h3>
      <div className="button-row">
        <BusyButton
          isBusy={rotate.isBusy}
          disabled={blocked !== null}
          title={blocked ?? undefined}
          onClick={() => setAsking(true)}
        >
          {t('tls.rotate')}
        </BusyButton>
        {blocked && <span className="muted">{blocked}</span>}
      </div>
      {rotate.error && !isAsking && (
        <ErrorMessage
          error={rotate.error}
          context={t('tls.rotateFailed')}
          onDismiss={rotate.clearError}
        />
      )}
      {isAsking && (
        <ConfirmDialog
          title={t('tls.rotateTitle', { name })}
          confirmLabel={t('tls.rotate')}
          isBusy={rotate.isBusy}
          error={rotate.error}
          onConfirm={() => void run()}
          onCancel={() => {
            setAsking(false)
            rotate.clearError()
          }}
        >
          <p>{t('tls.rotateBody')}</p>
          <p className="muted">{t('tls.rotateNote')}</p>
        </ConfirmDialog>
      )}
    </section>
  )
}
