import type { TFunction } from 'i18next'
import { Trans, useTranslation } from '../../i18n'
import { useId } from 'react'
import type { ExistingKeys } from '../../../../shared/transfer'

const CHOICES = [
  { value: 'skip', label: 'choices.skip', note: 'choices.skipNote' },
  { value: 'overwrite', label: 'choices.overwrite', note: 'choices.overwriteNote' },
  { value: 'cas', label: 'choices.cas', note: 'choices.casNote' },
] as const satisfies ReadonlyArray<{ value: ExistingKeys; label: string; note: string }>

/** What happens to keys the cluster holds with another value, in words for the confirmation. */
export function existingSentence(existing: ExistingKeys, t: TFunction<'transfer'>): string {
  switch (existing) {
    case 'skip':
      return t('choices.sentenceSkip')
    case 'overwrite':
      return t('choices.sentenceOverwrite')
    case 'cas':
      return t('choices.sentenceCas')
  }
}

/** The import's choices: existing keys (skip / overwrite / compare-and-swap), dry run, leases. */
export function ImportChoices(props: {
  existing: ExistingKeys
  onExisting: (value: ExistingKeys) => void
  isDryRun: boolean
  onDryRun: (value: boolean) => void
  hasLeases: boolean
  attachLeases: boolean
  onAttachLeases: (value: boolean) => void
}) {
  const name = useId()
  const { t } = useTranslation('transfer')
  return (
    <>
      <fieldset>
        <legend>{t('choices.legend')}</legend>
        {CHOICES.map((choice) => (
          <div key={choice.value}>
            <label>
              <input
                type="radio"
                name={name}
                value={choice.value}
                checked={props.existing === choice.value}
                onChange={() => props.onExisting(choice.value)}
              />{' '}
              <Trans
                t={t}
                i18nKey="choices.choice"
                values={{ label: t(choice.label), note: t(choice.note) }}
                components={{ muted: <span className="muted" /> }}
              />
            </label>
          </div>
        ))}
      </fieldset>
      <label>
        <input
          type="checkbox"
          checked={props.isDryRun}
          onChange={(e) => props.onDryRun(e.target.checked)}
        />{' '}
        {t('choices.dryRun')}
      </label>
      {props.hasLeases && (
        <label>
          <input
            type="checkbox"
            checked={props.attachLeases}
            onChange={(e) => props.onAttachLeases(e.target.checked)}
          />{' '}
          {t('choices.attachLeases')}
        </label>
      )}
    </>
  )
}
