import { useId, useState, type FormEvent } from 'react'
import type { LeaseView } from '../../../../shared/leases'
import { leaseTtlProblem } from '../../../../shared/leases'
import { useApi } from '../shared/api-context'
import { BusyButton } from '../shared/busy-button'
import { ErrorMessage } from '../shared/error-message'
import { useAction } from '../shared/use-action'
import { leaseName } from './lease-texts'

/** "Grant a lease": a TTL in seconds, checked as the engine checks it, then granted. */
export function GrantLeaseForm(props: { cluster: string; onGranted: (lease: LeaseView) => void }) {
  const api = useApi()
  const ids = useId()
  const [ttl, setTtl] = useState('60')
  const [granted, setGranted] = useState<LeaseView | null>(null)
  const grant = useAction((seconds: number) =>
    api.request('leases:grant', { cluster: props.cluster, ttl: seconds }),
  )
  const seconds = Number(ttl)
  const problem = ttl.trim() === '' ? 'Give a TTL in seconds.' : leaseTtlProblem(seconds)
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    if (problem) return
    const result = await grant.run(seconds)
    if (!result.ok) return
    setGranted(result.value)
    props.onGranted(result.value)
  }
  return (
    <section className="maintenance-section" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>Grant a lease</h3>
      <p className="muted">
        A lease is a timer: keys attached to it are deleted when it expires or is revoked. Keep it
        alive to renew it (<code>etcdctl lease grant {ttl || '60'}</code>).
      </p>
      <form className="toolbar" onSubmit={(e) => void onSubmit(e)}>
        <label htmlFor={`${ids}-ttl`}>TTL (seconds)</label>
        <input
          id={`${ids}-ttl`}
          type="number"
          min={1}
          step={1}
          value={ttl}
          aria-invalid={problem !== null}
          aria-describedby={problem ? `${ids}-problem` : undefined}
          onChange={(e) => setTtl(e.target.value)}
        />
        <BusyButton
          type="submit"
          className="button--primary"
          isBusy={grant.isBusy}
          disabled={problem !== null}
        >
          Grant lease
        </BusyButton>
      </form>
      {problem && ttl.trim() !== '' && (
        <p id={`${ids}-problem`} className="field__issue">
          {problem}
        </p>
      )}
      {granted && !grant.error && (
        <p className="muted" role="status">
          Granted lease <code>{leaseName(granted.id)}</code> with a TTL of {granted.grantedTtl} s.
        </p>
      )}
      {grant.error && (
        <ErrorMessage
          error={grant.error}
          context="Could not grant the lease"
          onDismiss={grant.clearError}
        />
      )}
    </section>
  )
}
