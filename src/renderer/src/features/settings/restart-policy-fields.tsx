import { useTranslation } from '../../i18n'
import type { FieldErrors, SettingsDraft } from './settings-draft'
import { FormField, NumberInput } from './form-field'

type PolicyField = 'maxRestarts' | 'minUptime' | 'restartDelay'

const POLICY_FIELDS = [
  { field: 'maxRestarts', label: 'restart.maxRestarts', note: 'restart.maxRestartsNote' },
  { field: 'minUptime', label: 'restart.minUptime', note: 'restart.minUptimeNote' },
  { field: 'restartDelay', label: 'restart.restartDelay', note: 'restart.restartDelayNote' },
] as const satisfies ReadonlyArray<{ field: PolicyField; label: string; note: string }>

/** The crash-loop policy: restart crashed members or not, and its limits (pm2's model). */
export function RestartPolicyFields(props: {
  draft: SettingsDraft
  errors: FieldErrors
  onChange: <K extends keyof SettingsDraft>(field: K, value: SettingsDraft[K]) => void
}) {
  const { draft, errors, onChange } = props
  const { t } = useTranslation('settings')
  return (
    <fieldset className="settings__group">
      <legend>{t('restart.legend')}</legend>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={draft.isAutoRestartOn}
          onChange={(e) => onChange('isAutoRestartOn', e.target.checked)}
        />
        {t('restart.auto')}
      </label>
      <div className="settings__row">
        {POLICY_FIELDS.map(({ field, label, note }) => (
          <FormField key={field} label={t(label)} error={errors[field]} note={t(note)}>
            {(wiring) => (
              <NumberInput
                wiring={wiring}
                value={draft[field]}
                onChange={(v) => onChange(field, v)}
              />
            )}
          </FormField>
        ))}
      </div>
      {!draft.isAutoRestartOn && <p className="field__hint">{t('restart.offNote')}</p>}
    </fieldset>
  )
}
