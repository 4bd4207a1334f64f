import { useState } from 'react'
import type { Result } from '../../../../shared/result'
import { BusyButton } from '../shared/busy-button'
import { ErrorMessage } from '../shared/error-message'
import { useAction } from '../shared/use-action'

/** One step of the NOSPACE drill: its button, then what it changed or why it failed. */
export function DrillStep(props: { label: string; run: () => Promise<Result<string>> }) {
  const action = useAction(props.run)
  const [outcome, setOutcome] = useState<string | null>(null)
  const run = async () => {
    setOutcome(null)
    const result = await action.run()
    if (result.ok) setOutcome(result.value)
  }
  return (
    <li className="drill-step">
      <BusyButton isBusy={action.isBusy} onClick={() => void run()}>
        {props.label}
      </BusyButton>
      {outcome && <p className="drill-step__outcome">{outcome}</p>}
      {action.error && (
        <ErrorMessage error={action.error} context={props.label} onDismiss={action.clearError} />
      )}
    </li>
  )
}
