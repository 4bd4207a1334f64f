import type { ClusterView } from '../../../../shared/cluster'
import type { ClusterCommandsView } from '../../../../shared/contract'
import { etcdctlSuggestions } from '../../../../shared/etcdctl-suggestions'
import { probeLoopSuggestion } from '../../../../shared/probe-etcdctl'
import { revisionAtRest } from '../clusters/operation'
import { CopyButton } from '../shared/copy-button'
import { ErrorMessage } from '../shared/error-message'
import { endpointsOf } from '../shared/member-state'
import { useRequest } from '../shared/use-request'
import type { KeyAction } from '../keys/key-action'
import { OperationCommands } from './operation-commands'
import { etcdctlCommand } from './etcdctl-command'
import { MaintenanceCommandsSection } from './maintenance-commands-section'
import { TlsSection } from '../certificates/tls-section'
import { NetworkFaultsNote } from './network-faults-note'
import { DiscoveryCommandsSection } from './discovery-commands-section'

/** Shown when the commands could not be built: the etcdctl suggestions still help. */
const NO_COMMANDS: ClusterCommandsView = { members: [], etcdctl: 'etcdctl', etcdctlTls: [] }

/**
 * The Commands tab: each member's exact etcd command line, etcdctl commands to explore the
 * cluster, and the etcdctl form of the last key action; all with the cluster's own binaries, and
 * read again whenever an operation on the cluster ends.
 */
export function CommandsPanel(props: {
  cluster: ClusterView
  lastKeyAction: KeyAction | null
  /** The current leader, for the defragment order; null when unknown. */
  leader?: string | null
}) {
  const { cluster, lastKeyAction } = props
  const name = cluster.definition.name
  // Asked again after each operation: auth on/off (`--user=root`), members, versions change them.
  const asked = useRequest('cluster:commands', { cluster: name }, [name, revisionAtRest(cluster)])
  const { error } = asked
  const commands = error ? NO_COMMANDS : asked.data
  const etcdctl = commands?.etcdctl ?? 'etcdctl'
  const endpoints = endpointsOf(cluster)
  const tls = commands?.etcdctlTls ?? []
  const keyCommand = lastKeyAction ? etcdctlCommand(endpoints, lastKeyAction, etcdctl, tls) : null
  return (
    <div className="commands-panel">
      <section aria-labelledby="member-commands-title">
        <h3 id="member-commands-title">Member command lines</h3>
        <p className="muted">
          Exactly what etcd Desk runs for each member. Paste one into a terminal to run that member
          by hand (stop it here first).
        </p>
        <NetworkFaultsNote cluster={cluster} />
        {error && (
          <ErrorMessage
            error={error}
            context="Could not build the commands"
            onRetry={asked.reload}
          />
        )}
        {commands === null && !error && (
          <p className="muted" role="status">
            Loading commands…
          </p>
        )}
        {commands?.members.map((c) => (
          <div key={c.member} className="command">
            <div className="command__head">
              <strong>{c.member}</strong>
              <CopyButton text={c.etcd} label={`Copy etcd command of ${c.member}`} />
            </div>
            <pre className="command__text">{c.etcd}</pre>
          </div>
        ))}
      </section>
      <DiscoveryCommandsSection discovery={commands?.discovery} />
      {commands && (
        <section aria-labelledby="explore-commands-title">
          <h3 id="explore-commands-title">Explore with etcdctl</h3>
          <p className="muted">
            Run these in a terminal to see what the Members and Keys tabs show, as etcdctl prints
            it.
          </p>
          {[
            ...etcdctlSuggestions(etcdctl, endpoints, tls),
            probeLoopSuggestion(etcdctl, cluster.members, tls),
          ].map((s) => (
            <div key={s.command} className="command">
              <div className="command__head">
                <span>{s.title}</span>
                <CopyButton text={s.command} label={`Copy: ${s.title}`} />
              </div>
              <pre className="command__text">{s.command}</pre>
            </div>
          ))}
        </section>
      )}
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
      <OperationCommands report={cluster.lastOperation} />
      <MaintenanceCommandsSection cluster={cluster} leader={props.leader ?? null} />
      <TlsSection cluster={cluster} />
    </div>
  )
}
