import type { FieldErrors, SettingsDraft } from './settings-draft'
import { FormField, NumberInput } from './form-field'

type PolicyField = 'maxRestarts' | 'minUptime' | 'restartDelay'

const POLICY_FIELDS: { field: PolicyField; label: string; note: string }[] = [
  {
    field: 'maxRestarts',
    label: 'Max restarts',
    note: 'Crashes in a row before the member is marked errored and left stopped.',
  },
  {
    field: 'minUptime',
    label: 'Min uptime (seconds)',
    note: 'A member that ran this long before crashing starts a fresh count.',
  },
  { field: 'restartDelay', label: 'Restart delay (seconds)', note: 'Pause before each restart.' },
]

/** The crash-loop policy: restart crashed members or not, and its limits (pm2's model). */
export function RestartPolicyFields(props: {
  draft: SettingsDraft
  errors: FieldErrors
  onChange: <K extends keyof SettingsDraft>(field: K, value: SettingsDraft[K]) => void
}) {
  const { draft, errors, onChange } = props
  return (
    <fieldset className="settings__group">
      <legend>Crashed members</legend>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={draft.isAutoRestartOn}
          onChange={(e) => onChange('isAutoRestartOn', e.target.checked)}
        />
        Restart crashed members automatically
      </label>
      <div className="settings__row">
        {POLICY_FIELDS.map(({ field, label, note }) => (
          <FormField key={field} label={label} error={errors[field]} note={note}>
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
      {!draft.isAutoRestartOn && (
        <p className="field__hint">These limits apply once automatic restarts are on.</p>
      )}
    </fieldset>
  )
}
