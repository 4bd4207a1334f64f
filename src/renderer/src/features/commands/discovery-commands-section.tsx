import { useTranslation } from '../../i18n'
import type { DiscoveryCommands } from '../../../../shared/contract'
import { CopyButton } from '../shared/copy-button'

/** One copyable command with its title. */
function Command(props: { title: string; command: string }) {
  const { t } = useTranslation('commands')
  return (
    <div className="command">
      <div className="command__head">
        <span>{props.title}</span>
        <CopyButton text={props.command} label={t('discovery.copy', { title: props.title })} />
      </div>
      <pre className="command__text">{props.command}</pre>
    </div>
  )
}

/**
 * The discovery side of a cluster bootstrapped by discovery: the discovery etcd's command line,
 * the command that created the token, the one that lists the registry, and the registry as the
 * engine read it (keys and values are shown as text only).
 */
export function DiscoveryCommandsSection(props: { discovery: DiscoveryCommands | undefined }) {
  const d = props.discovery
  const { t } = useTranslation('commands')
  if (!d) return null
  return (
    <section aria-labelledby="discovery-commands-title">
      <h3 id="discovery-commands-title">{t('discovery.title')}</h3>
      <p className="muted">{t('discovery.about')}</p>
      <Command title={t('discovery.etcd')} command={d.etcd} />
      <Command title={t('discovery.createToken')} command={d.createToken} />
      <Command title={t('discovery.list')} command={d.listRegistry} />
      {d.entries === null ? (
        <p className="muted">{t('discovery.notRunning')}</p>
      ) : (
        <table aria-label={t('discovery.table')}>
          <thead>
            <tr>
              <th>{t('discovery.key')}</th>
              <th>{t('discovery.member')}</th>
            </tr>
          </thead>
          <tbody>
            {d.entries.map((e) => (
              <tr key={e.key}>
                <td>
                  <code>{e.key}</code>
                </td>
                <td>{e.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
