import type { ReactNode } from 'react'

/** The create dialog's advanced options, folded away until opened (every default is safe). */
export function AdvancedOptions(props: { children: ReactNode }) {
  return (
    <details className="create-advanced">
      <summary>Advanced options</summary>
      <div className="create-advanced__body">{props.children}</div>
    </details>
  )
}
