import { useState } from 'react'
import type { ClusterView } from '../../../../shared/cluster'
import type { TlsChangeReport, TlsSwitchPhase } from '../../../../shared/tls-switch'
import { blockedBy } from '../clusters/operation'
import { useApi } from '../shared/api-context'
import { BusyButton } from '../shared/busy-button'
import { ConfirmDialog } from '../shared/confirm-dialog'
import { ErrorMessage } from '../shared/error-message'
import { hasLiveMember } from '../shared/member-state'
import { useAction } from '../shared/use-action'
import { CertificatesSection } from './certificates-section'
import { TlsChangeReportView } from './tls-change-report'

/** Where a half-done switch stands, in words. */
const PHASE_WORDS: Readonly<Record<TlsSwitchPhase, string>> = {
  material: 'phase 1 of 3 (certificates, https next to http)',
  peers: 'phase 2 of 3 (peer URLs to https)',
  'https-only': 'phase 3 of 3 (dropping plain http)',
}

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
    (hasLiveMember(cluster) ? null : 'Start the cluster first: members restart one by one.')
  )
}

function EnableControl(props: { cluster: ClusterView; onReport: (r: TlsChangeReport) => void }) {
  const api = useApi()
  const name = props.cluster.definition.name
  const pending = props.cluster.definition.tlsSwitch ?? null
  const [isAsking, setAsking] = useState(false)
  const enable = useAction(() => api.request('cluster:enable-tls', { cluster: name }))
  const blocked = blockedReason(props.cluster)
  const label = pending ? 'Continue enabling TLS' : 'Enable TLS'
  const run = async () => {
    const result = await enable.run()
    setAsking(false)
    if (result.ok) props.onReport(result.value)
  }
  return (
    <section aria-labelledby="tls-title">
      <h3 id="tls-title">TLS</h3>
      <p className="muted">
        {pending
          ? `Turning TLS on stopped in ${PHASE_WORDS[pending.phase]}. Continue to finish it.`
          : 'This cluster serves plain http. Enable TLS gives it a CA of its own and turns on mutual TLS for clients and peers while it runs, without losing a write.'}
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
          context="Could not enable TLS"
          onDismiss={enable.clearError}
        />
      )}
      {isAsking && (
        <ConfirmDialog
          title={`Enable TLS on ${name}?`}
          confirmLabel="Enable TLS"
          isBusy={enable.isBusy}
          error={enable.error}
          onConfirm={() => void run()}
          onCancel={() => {
            setAsking(false)
            enable.clearError()
          }}
        >
          <p>
            etcd reads its TLS flags only when it starts, so every member restarts three times, one
            at a time, followers first and the leader last:
          </p>
          <ol>
            <li>with its certificates, serving https next to http (clients keep http);</li>
            <li>after etcdctl member update moves its peer URL to https;</li>
            <li>without plain http, once clients use https.</li>
          </ol>
          <p className="muted">
            On etcd before 3.4.25 and 3.5.8 plain http moves to a port of its own meanwhile. The
            write probe measures what clients see. A single-member cluster is briefly unavailable at
            each restart.
          </p>
        </ConfirmDialog>
      )}
    </section>
  )
}

function RotateControl(props: { cluster: ClusterView; onReport: (r: TlsChangeReport) => void }) {
  const api = useApi()
  const name = props.cluster.definition.name
  const [isAsking, setAsking] = useState(false)
  const rotate = useAction(() => api.request('cluster:rotate-certificates', { cluster: name }))
  const blocked = blockedReason(props.cluster)
  const run = async () => {
    const result = await rotate.run()
    setAsking(false)
    if (result.ok) props.onReport(result.value)
  }
  return (
    <section aria-labelledby="tls-title">
      <h3 id="tls-title">TLS</h3>
      <div className="button-row">
        <BusyButton
          isBusy={rotate.isBusy}
          disabled={blocked !== null}
          title={blocked ?? undefined}
          onClick={() => setAsking(true)}
        >
          Rotate certificates
        </BusyButton>
        {blocked && <span className="muted">{blocked}</span>}
      </div>
      {rotate.error && !isAsking && (
        <ErrorMessage
          error={rotate.error}
          context="Could not rotate the certificates"
          onDismiss={rotate.clearError}
        />
      )}
      {isAsking && (
        <ConfirmDialog
          title={`Rotate the certificates of ${name}?`}
          confirmLabel="Rotate certificates"
          isBusy={rotate.isBusy}
          error={rotate.error}
          onConfirm={() => void run()}
          onCancel={() => {
            setAsking(false)
            rotate.clearError()
          }}
        >
          <p>
            New client certificates for etcd Desk and etcdctl, then member by member (followers
            first, the leader last) new server and peer certificates from the same CA and a restart.
            etcd reads its certificate files at every new connection, but connections opened with
            the old ones last until the member restarts.
          </p>
          <p className="muted">The CA stays, so the etcdctl flags shown above stay the same.</p>
        </ConfirmDialog>
      )}
    </section>
  )
}
