import { useId, type ReactNode } from 'react'

/** A create-dialog option: a checkbox with its label and a hint below, read out with it. */
export function CheckboxField(props: {
  label: string
  hint: ReactNode
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
        {props.label}
      </label>
      <p id={hint} className="field__hint">
        {props.hint}
      </p>
    </div>
  )
}
