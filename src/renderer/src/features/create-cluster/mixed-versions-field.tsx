import { useId } from 'react'

/** The "Mixed versions" option: a version per member in the ports table (for upgrade practice). */
export function MixedVersionsField(props: {
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
        Mixed versions
      </label>
      <p id={hint} className="field__hint">
        Gives each member its own etcd version in the ports table. etcd runs a mixed cluster at the
        lowest member&apos;s version, and supports mixing adjacent lines (3.4 with 3.5) only during
        an upgrade.
      </p>
    </div>
  )
}
