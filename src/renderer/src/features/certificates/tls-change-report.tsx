import type { TlsChangeReport, TlsRestart } from '../../../../shared/tls-switch'
import { ProbeLine } from '../maintenance/probe-line'

/** What each phase did to a member, in words. */
const PHASE_WORDS: Readonly<Record<TlsRestart['phase'], string>> = {
  material: '1 · certificates added, https next to http',
  peers: '2 · peer URL to https (member update)',
  'https-only': '3 · plain http dropped',
  rotate: 'new certificates',
}

/** What "Enable TLS" or "Rotate certificates" did: each restart and what the probe saw. */
export function TlsChangeReportView(props: { report: TlsChangeReport }) {
  const { report } = props
  const title = report.kind === 'enable' ? 'TLS enabled' : 'Certificates rotated'
  return (
    <div className="operation-report" aria-label={title}>
      <h4>{title}</h4>
      <ProbeLine probe={report.probe} />
      {report.plainPorts.length > 0 && (
        <p className="muted">
          Plain http ran on a port of its own during the switch (
          {report.plainPorts.map((p) => `${p.member}: ${p.port}`).join(', ')}): on this etcd one
          port cannot serve http and https together safely.
        </p>
      )}
      <div className="table-scroll">
        <table className="port-table" aria-label={`${title}: member restarts`}>
          <thead>
            <tr>
              <th scope="col">Member</th>
              <th scope="col">Step</th>
              <th scope="col">Restart took</th>
            </tr>
          </thead>
          <tbody>
            {report.restarts.map((r) => (
              <tr key={`${r.phase}-${r.member}`}>
                <th scope="row">{r.member}</th>
                <td>{PHASE_WORDS[r.phase]}</td>
                <td>{(r.tookMs / 1000).toFixed(1)} s</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted">
        Its etcd and etcdctl commands, in order, are under “Your last cluster operation as commands”
        above.
      </p>
    </div>
  )
}
