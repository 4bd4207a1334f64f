import { useId } from 'react'
import type { BootstrapMode } from '../../../../shared/discovery'
import { useTranslation } from '../../i18n'

/** The two ways members find each other at their first start, as the dialog offers them. */
const CHOICES = [
  { mode: 'static', label: 'bootstrap.static', hint: 'bootstrap.staticHint' },
  { mode: 'discovery', label: 'bootstrap.discovery', hint: 'bootstrap.discoveryHint' },
] as const satisfies ReadonlyArray<{ mode: BootstrapMode; label: string; hint: string }>

/**
 * The create dialog's "Bootstrap" choice: static or discovery. DNS SRV discovery is explained
 * only: it needs control of the system resolver, which a desktop app on loopback does not have.
 */
export function BootstrapField(props: {
  value: BootstrapMode
  disabled: boolean
  onChange: (mode: BootstrapMode) => void
}) {
  const srvNote = useId()
  const { t } = useTranslation('create-cluster')
  return (
    <fieldset className="field" aria-describedby={srvNote}>
      <legend>{t('bootstrap.legend')}</legend>
      {CHOICES.map((choice) => (
        <div key={choice.mode}>
          <label className="checkbox">
            <input
              type="radio"
              name="bootstrap"
              value={choice.mode}
              checked={props.value === choice.mode}
              disabled={props.disabled}
              onChange={() => props.onChange(choice.mode)}
            />
            {t(choice.label)}
          </label>
          <p className="field__hint">{t(choice.hint)}</p>
        </div>
      ))}
      <p id={srvNote} className="field__hint">
        {t('bootstrap.srv')}
      </p>
    </fieldset>
  )
}
