import { useId, useState } from 'react'
import type { HashKvReport } from '../../../../shared/maintenance'
import { hashKvCommand } from '../../../../shared/maintenance-commands'
import { useApi } from '../shared/api-context'
import { BusyButton } from '../shared/busy-button'
import { ErrorMessage } from '../shared/error-message'
import { useAction } from '../shared/use-action'
import { CommandTwin } from './command-twin'
import type { Twins } from './use-twins'

/** Every member's hash of the keyspace at one revision: equal hashes, same data. */
export function ConsistencySection(props: { cluster: string; twins: Twins | null }) {
  const api = useApi()
  const ids = useId()
  const [report, setReport] = useState<HashKvReport | null>(null)
  const check = useAction(() => api.request('maintenance:hashkv', { cluster: props.cluster }))
  const run = async () => {
    const result = await check.run()
    if (result.ok) setReport(result.value)
  }
  return (
    <section className="maintenance-section" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>Consistency check</h3>
      <p className="muted">
        Each member hashes its keyspace (HashKV) at the same revision. Different hashes mean the
        members hold different data.
      </p>
      <div className="button-row">
        <BusyButton isBusy={check.isBusy} onClick={() => void run()}>
          Check consistency
        </BusyButton>
      </div>
      {check.error && (
        <ErrorMessage error={check.error} context="Could not check" onDismiss={check.clearError} />
      )}
      {report && (
        <>
          <p role="status" className={report.isConsistent ? undefined : 'field__issue'}>
            {report.isConsistent
              ? `All ${report.members.length} members hold the same keyspace at revision ${report.revision}.`
              : `The members do not agree at revision ${report.revision}: see below.`}
          </p>
          <div className="table-scroll">
            <table className="port-table" aria-label="Hash of each member">
              <thead>
                <tr>
                  <th scope="col">Member</th>
                  <th scope="col">Hash</th>
                  <th scope="col">Compacted at</th>
                </tr>
              </thead>
              <tbody>
                {report.members.map((m) => (
                  <tr key={m.member}>
                    <th scope="row">{m.member}</th>
                    <td className="mono">
                      {m.hash ?? <span className="field__issue">{m.error}</span>}
                    </td>
                    <td className="mono">{m.compactRevision ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {props.twins && (
        <CommandTwin title="The same with etcdctl" commands={[hashKvCommand(props.twins.ctx)]} />
      )}
    </section>
  )
}
