import { Trans, useTranslation } from '../../i18n'
import { useId, useState, type FormEvent } from 'react'
import type { LeaseView } from '../../../../shared/leases'
import { leaseTtlProblem } from '../../../../shared/leases'
import { useEngineWords } from '../../i18n/engine-words'
import { useApi } from '../shared/api-context'
import { BusyButton } from '../shared/busy-button'
import { ErrorMessage } from '../shared/error-message'
import { useAction } from '../shared/use-action'
import { leaseName } from './lease-texts'

/** "Grant a lease": a TTL in seconds, checked as the engine checks it, then granted. */
export function GrantLeaseForm(props: { cluster: string; onGranted: (lease: LeaseView) => void }) {
  const api = useApi()
  const ids = useId()
  const { t } = useTranslation('leases')
  const engineWords = useEngineWords()
  const [ttl, setTtl] = useState('60')
  const [granted, setGranted] = useState<LeaseView | null>(null)
  const grant = useAction((seconds: number) =>
    api.request('leases:grant', { cluster: props.cluster, ttl: seconds }),
  )
  const seconds = Number(ttl)
  const ttlProblem = leaseTtlProblem(seconds)
  const problem = ttl.trim() === '' ? t('grant.giveTtl') : ttlProblem && engineWords(ttlProblem, '')
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
      <h3 id={`${ids}-title`}>{t('grant.title')}</h3>
      <p className="muted">
        <Trans
          t={t}
          i18nKey="grant.about"
          values={{ ttl: ttl || '60' }}
          components={{ code: <code /> }}
        />
      </p>
      <form className="toolbar" onSubmit={(e) => void onSubmit(e)}>
        <label htmlFor={`${ids}-ttl`}>{t('grant.ttl')}</label>
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
          {t('grant.grant')}
        </BusyButton>
      </form>
      {problem && ttl.trim() !== '' && (
        <p id={`${ids}-problem`} className="field__issue">
          {problem}
        </p>
      )}
      {granted && !grant.error && (
        <p className="muted" role="status">
          <Trans
            t={t}
            i18nKey="grant.granted"
            values={{ name: leaseName(granted.id), ttl: granted.grantedTtl }}
            components={{ code: <code /> }}
          />
        </p>
      )}
      {grant.error && (
        <ErrorMessage
          error={grant.error}
          context={t('grant.failed')}
          onDismiss={grant.clearError}
        />
      )}
    </section>
  )
}
