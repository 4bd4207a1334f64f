import { useId } from 'react'
import { MIN_PASSWORD_LENGTH } from '../../../../shared/auth'

/** A labelled password input (never echoed, never autofilled into another site's form). */
export function PasswordField(props: {
  label: string
  value: string
  onChange: (value: string) => void
  isNew?: boolean
}) {
  const id = useId()
  return (
    <label htmlFor={id} className="field">
      <span>{props.label}</span>
      <input
        id={id}
        type="password"
        value={props.value}
        autoComplete={props.isNew ? 'new-password' : 'current-password'}
        minLength={props.isNew ? MIN_PASSWORD_LENGTH : undefined}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </label>
  )
}
