import { Trans, useTranslation } from '../../i18n'
import type { ClusterView } from '../../../../shared/cluster'
import type { ClusterCommandsView } from '../../../../shared/contract'
import { etcdctlSuggestions } from '../../../../shared/etcdctl-suggestions'
import { probeLoopSuggestion } from '../../../../shared/probe-etcdctl'
import { PROBE_LEASE_TTL_SECONDS } from '../../../../shared/probe'
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
  const { t } = useTranslation('commands')
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
        <h3 id="member-commands-title">{t('panel.memberTitle')}</h3>
        <p className="muted">{t('panel.memberAbout')}</p>
        <NetworkFaultsNote cluster={cluster} />
        {error && (
          <ErrorMessage error={error} context={t('panel.buildFailed')} onRetry={asked.reload} />
        )}
        {commands === null && !error && (
          <p className="muted" role="status">
            {t('panel.loading')}
          </p>
        )}
        {commands?.members.map((c) => (
          <div key={c.member} className="command">
            <div className="command__head">
              <strong>{c.member}</strong>
              <CopyButton text={c.etcd} label={t('panel.copyEtcd', { member: c.member })} />
            </div>
            <pre className="command__text">{c.etcd}</pre>
          </div>
        ))}
      </section>
      <DiscoveryCommandsSection discovery={commands?.discovery} />
      {commands && (
        <section aria-labelledby="explore-commands-title">
          <h3 id="explore-commands-title">{t('panel.exploreTitle')}</h3>
          <p className="muted">{t('panel.exploreAbout')}</p>
          {[
            ...etcdctlSuggestions(etcdctl, endpoints, tls),
            probeLoopSuggestion(etcdctl, cluster.members, tls),
          ].map((s) => {
            const title = t(`explore.${s.topic}`, { ttl: PROBE_LEASE_TTL_SECONDS })
            return (
              <div key={s.command} className="command">
                <div className="command__head">
                  <span>{title}</span>
                  <CopyButton text={s.command} label={t('panel.copyTitle', { title })} />
                </div>
                <pre className="command__text">{s.command}</pre>
              </div>
            )
          })}
        </section>
      )}
      <section aria-labelledby="key-command-title">
        <h3 id="key-command-title">{t('panel.keyTitle')}</h3>
        {keyCommand ? (
          <div className="command">
            <div className="command__head">
              <strong>etcdctl</strong>
              <CopyButton text={keyCommand.command} label={t('panel.copyEtcdctl')} />
            </div>
            <pre className="command__text">{keyCommand.command}</pre>
            {keyCommand.note && (
              <p className="muted">{t(`keyNote.${keyCommand.note.kind}`, keyCommand.note)}</p>
            )}
          </div>
        ) : (
          <p className="muted">
            <Trans
              t={t}
              i18nKey="panel.keyEmpty"
              components={{ strong: <strong />, code: <code /> }}
            />
          </p>
        )}
      </section>
      <OperationCommands report={cluster.lastOperation} />
      <MaintenanceCommandsSection cluster={cluster} leader={props.leader ?? null} />
      <TlsSection cluster={cluster} />
    </div>
  )
}
