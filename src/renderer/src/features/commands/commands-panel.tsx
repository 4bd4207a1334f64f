import { useEffect, useState } from 'react'
import type { ClusterView } from '../../../../shared/cluster'
import type { MemberCommandView } from '../../../../shared/contract'
import type { ErrorData } from '../../../../shared/result'
import { useApi } from '../shared/api-context'
import { CopyButton } from '../shared/copy-button'
import { ErrorMessage } from '../shared/error-message'
import { endpointsOf } from '../shared/member-state'
import { settle } from '../shared/use-action'
import type { KeyAction } from '../keys/key-action'
import { etcdctlCommand } from './etcdctl-command'

/** The Commands tab: each member's exact etcd command line and the etcdctl form of the last key action. */
export function CommandsPanel(props: { cluster: ClusterView; lastKeyAction: KeyAction | null }) {
  const { cluster, lastKeyAction } = props
  const name = cluster.definition.name
  const api = useApi()
  const [commands, setCommands] = useState<MemberCommandView[] | null>(null)
  const [error, setError] = useState<ErrorData | null>(null)
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    let isCurrent = true
    void settle(() => api.request('cluster:commands', { cluster: name })).then((result) => {
      if (!isCurrent) return
      setCommands(result.ok ? result.value : [])
      setError(result.ok ? null : result.error)
    })
    return () => {
      isCurrent = false
    }
  }, [api, name, attempt])
  const keyCommand = lastKeyAction ? etcdctlCommand(endpointsOf(cluster), lastKeyAction) : null
  return (
    <div className="commands-panel">
      <section aria-labelledby="member-commands-title">
        <h3 id="member-commands-title">Member command lines</h3>
        <p className="muted">
          Exactly what etcd Desk runs for each member. Paste one into a terminal to run that member
          by hand (stop it here first).
        </p>
        {error && (
          <ErrorMessage
            error={error}
            context="Could not build the commands"
            onRetry={() => setAttempt((n) => n + 1)}
          />
        )}
        {commands === null && !error && (
          <p className="muted" role="status">
            Loading commands…
          </p>
        )}
        {commands?.map((c) => (
          <div key={c.member} className="command">
            <div className="command__head">
              <strong>{c.member}</strong>
              <CopyButton text={c.etcd} label={`Copy etcd command of ${c.member}`} />
            </div>
            <pre className="command__text">{c.etcd}</pre>
          </div>
        ))}
      </section>
      <section aria-labelledby="key-command-title">
        <h3 id="key-command-title">Your last key action with etcdctl</h3>
        {keyCommand ? (
          <div className="command">
            <div className="command__head">
              <strong>etcdctl</strong>
              <CopyButton text={keyCommand.command} label="Copy etcdctl command" />
            </div>
            <pre className="command__text">{keyCommand.command}</pre>
            {keyCommand.note && <p className="muted">{keyCommand.note}</p>}
          </div>
        ) : (
          <p className="muted">
            Open, save or delete a key in the <strong>Keys</strong> tab: the same action as an{' '}
            <code>etcdctl</code> command appears here.
          </p>
        )}
      </section>
    </div>
  )
}
