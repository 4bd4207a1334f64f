import { Trans, useTranslation } from '../../i18n'
import { useId, useState } from 'react'
import { compactCommand } from '../../../../shared/maintenance-commands'
import { useApi } from '../shared/api-context'
import { ConfirmDialog } from '../shared/confirm-dialog'
import { useAction } from '../shared/use-action'
import { CommandTwin } from './command-twin'
import type { Twins } from './use-twins'

/** Compact the history to the current revision or a given one (asks first: history is gone after). */
export function CompactSection(props: {
  cluster: string
  twins: Twins | null
  onCompacted: (revision: string) => void
}) {
  const api = useApi()
  const ids = useId()
  const { t } = useTranslation('maintenance')
  const [draft, setDraft] = useState('')
  const [isAsking, setAsking] = useState(false)
  const [done, setDone] = useState<string | null>(null)
  const revision = draft.trim()
  const isValid = revision === '' || /^\d{1,19}$/.test(revision)
  const compact = useAction(() =>
    api.request('maintenance:compact', {
      cluster: props.cluster,
      ...(revision ? { revision } : {}),
    }),
  )
  const confirm = async () => {
    const result = await compact.run()
    if (!result.ok) return
    setAsking(false)
    setDone(result.value.revision)
    props.onCompacted(result.value.revision)
  }
  return (
    <section className="maintenance-section" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>{t('compact.title')}</h3>
      <p className="muted">{t('compact.about')}</p>
      <div className="toolbar">
        <label htmlFor={`${ids}-revision`}>{t('compact.revision')}</label>
        <input
          id={`${ids}-revision`}
          inputMode="numeric"
          placeholder={t('compact.placeholder')}
          value={draft}
          aria-invalid={isValid ? undefined : true}
          onChange={(e) => setDraft(e.target.value)}
        />
        <button type="button" disabled={!isValid} onClick={() => setAsking(true)}>
          {t('compact.compact')}
        </button>
      </div>
      {!isValid && <p className="field__issue">{t('compact.whole')}</p>}
      {done && (
        <p role="status">
          <Trans
            t={t}
            i18nKey="compact.done"
            values={{ revision: done }}
            components={{ strong: <strong /> }}
          />
        </p>
      )}
      {props.twins && (
        <CommandTwin
          title={t('twin.same')}
          commands={[compactCommand(props.twins.ctx, revision || done)]}
        />
      )}
      {isAsking && (
        <ConfirmDialog
          title={t('compact.askTitle')}
          confirmLabel={revision ? t('compact.toRevision', { revision }) : t('compact.toCurrent')}
          onConfirm={() => void confirm()}
          onCancel={() => {
            compact.clearError()
            setAsking(false)
          }}
          isBusy={compact.isBusy}
          error={compact.error}
        >
          <p>{revision ? t('compact.askRevision', { revision }) : t('compact.askCurrent')}</p>
        </ConfirmDialog>
      )}
    </section>
  )
}
