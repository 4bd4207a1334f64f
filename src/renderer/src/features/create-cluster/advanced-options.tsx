import type { ReactNode } from 'react'

/**
 * The create dialog's advanced options, folded away until opened (every default is safe); open
 * from the start when a preset (a snapshot to restore, a quota) already fills one of them.
 */
export function AdvancedOptions(props: { isOpen?: boolean; children: ReactNode }) {
  return (
    <details className="create-advanced" open={props.isOpen}>
      <summary>Advanced options</summary>
      <div className="create-advanced__body">{props.children}</div>
    </details>
  )
}
