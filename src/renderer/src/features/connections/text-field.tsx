import { useId } from 'react'

/** A labelled text input (or textarea) with an optional hint read out with it. */
export function TextField(props: {
  label: string
  value: string
  onChange: (value: string) => void
  hint?: string
  disabled?: boolean
  isMultiline?: boolean
}) {
  const id = useId()
  const hint = useId()
  const common = {
    id,
    value: props.value,
    disabled: props.disabled,
    spellCheck: false,
    'aria-describedby': props.hint ? hint : undefined,
  }
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      {props.isMultiline ? (
        <textarea {...common} rows={3} onChange={(e) => props.onChange(e.target.value)} />
      ) : (
        <input {...common} type="text" onChange={(e) => props.onChange(e.target.value)} />
      )}
      {props.hint && (
        <p id={hint} className="field__hint">
          {props.hint}
        </p>
      )}
    </div>
  )
}
