import type { DiscoveryCommands } from '../../../../shared/contract'
import { CopyButton } from '../shared/copy-button'

/** One copyable command with its title. */
function Command(props: { title: string; command: string }) {
  return (
    <div className="command">
      <div className="command__head">
        <span>{props.title}</span>
        <CopyButton text={props.command} label={`Copy: ${props.title}`} />
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
  if (!d) return null
  return (
    <section aria-labelledby="discovery-commands-title">
      <h3 id="discovery-commands-title">Discovery</h3>
      <p className="muted">
        The members found each other through a registry in this discovery etcd, not through
        --initial-cluster. Once a member has data, etcd ignores the discovery flags.
      </p>
      <Command title="The discovery etcd" command={d.etcd} />
      <Command title="Create the token with the cluster size" command={d.createToken} />
      <Command title="List the registry" command={d.listRegistry} />
      {d.entries === null ? (
        <p className="muted">The discovery etcd is not running, so the registry is not shown.</p>
      ) : (
        <table aria-label="Discovery registry">
          <thead>
            <tr>
              <th>Key</th>
              <th>Member (name=peer URL)</th>
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
