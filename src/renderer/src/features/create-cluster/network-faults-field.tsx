import { useId } from 'react'

/** The "Network faults" option: peer links through proxies in etcd Desk, to isolate or slow members. */
export function NetworkFaultsField(props: {
  checked: boolean
  disabled: boolean
  onChange: (checked: boolean) => void
}) {
  const hint = useId()
  return (
    <div className="field">
      <label className="checkbox">
        <input
          type="checkbox"
          checked={props.checked}
          disabled={props.disabled}
          aria-describedby={hint}
          onChange={(e) => props.onChange(e.target.checked)}
        />
        Network faults
      </label>
      <p id={hint} className="field__hint">
        Routes every peer link through a small proxy in etcd Desk, so you can isolate a member or
        add latency to it (each member then also needs a proxy port).
      </p>
    </div>
  )
}
