import { useId } from 'react'
import type { BootstrapMode } from '../../../../shared/discovery'

/** The two ways members find each other at their first start, as the dialog offers them. */
const CHOICES: { mode: BootstrapMode; label: string; hint: string }[] = [
  {
    mode: 'static',
    label: 'Static (--initial-cluster)',
    hint: 'Every member starts with the full list of members and their peer URLs.',
  },
  {
    mode: 'discovery',
    label: 'Discovery',
    hint: 'etcd Desk runs a small local discovery etcd and creates a one-time token with the cluster size; each member starts with only the discovery URL (3.4/3.5: --discovery, v2 API; 3.6/3.7: --discovery-endpoints and --discovery-token) and registers there until all have arrived. The Commands tab shows the discovery etcd and the curl that made the token; Keys → Discovery registry shows the members registering.',
  },
]

/**
 * The create dialog's "Bootstrap" choice: static or discovery. DNS SRV discovery is explained
 * only: it needs control of the system resolver, which a desktop app on loopback does not have.
 */
export function BootstrapField(props: {
  value: BootstrapMode
  disabled: boolean
  onChange: (mode: BootstrapMode) => void
}) {
  const srvNote = useId()
  return (
    <fieldset className="field" aria-describedby={srvNote}>
      <legend>Bootstrap</legend>
      {CHOICES.map((choice) => (
        <div key={choice.mode}>
          <label className="checkbox">
            <input
              type="radio"
              name="bootstrap"
              value={choice.mode}
              checked={props.value === choice.mode}
              disabled={props.disabled}
              onChange={() => props.onChange(choice.mode)}
            />
            {choice.label}
          </label>
          <p className="field__hint">{choice.hint}</p>
        </div>
      ))}
      <p id={srvNote} className="field__hint">
        DNS SRV discovery (--discovery-srv) is explained, not run: etcd looks up
        _etcd-server._tcp.&lt;domain&gt; records through the system resolver, so it needs a DNS
        server you control, which a local cluster on 127.0.0.1 does not have.
      </p>
    </fieldset>
  )
}
