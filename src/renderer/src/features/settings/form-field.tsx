import { useId, type ReactNode } from 'react'

/** What a control needs to be tied to its label, error and note. */
export interface FieldWiring {
  id: string
  'aria-invalid': true | undefined
  'aria-describedby': string | undefined
}

/** A labelled control with its inline error (or else its note), both read by screen readers. */
export function FormField(props: {
  label: string
  error?: string
  note?: ReactNode
  children: (wiring: FieldWiring) => ReactNode
}) {
  const id = useId()
  const { error, note } = props
  const describedBy = error ? `${id}-error` : note ? `${id}-note` : undefined
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      {props.children({
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy,
      })}
      {error ? (
        <p id={`${id}-error`} className="field__issue">
          {error}
        </p>
      ) : (
        note && (
          <p id={`${id}-note`} className="field__hint">
            {note}
          </p>
        )
      )}
    </div>
  )
}

/** A decimal number field (seconds, counts), wired to its FormField. */
export function NumberInput(props: {
  wiring: FieldWiring
  value: string
  onChange: (value: string) => void
}) {
  return (
    <input
      {...props.wiring}
      type="number"
      step="any"
      inputMode="decimal"
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
    />
  )
}
