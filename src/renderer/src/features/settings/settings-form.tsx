import { useId } from 'react'
import type { AppInfo } from '../../../../shared/contract'
import type { InstalledRelease } from '../../../../shared/releases'
import type { QuitBehavior } from '../../../../shared/settings'
import { endOfLifeNote } from '../create-cluster/end-of-life-note'
import { FormField, NumberInput } from './form-field'
import { RestartPolicyFields } from './restart-policy-fields'
import type { FieldErrors, SettingsDraft } from './settings-draft'

const QUIT_CHOICES: { value: QuitBehavior; label: string; note: string }[] = [
  { value: 'stop-clusters', label: 'Stop clusters', note: 'Every member is stopped cleanly.' },
  {
    value: 'keep-running',
    label: 'Keep clusters running',
    note: 'Members keep running in the background; the next launch takes them over again.',
  },
]

/** The choices of "Default etcd version": system etcd, installed releases, and the saved value. */
function versionChoices(
  current: string,
  installed: readonly InstalledRelease[] | null,
  systemEtcd: AppInfo['systemEtcd'] | undefined,
): { value: string; label: string }[] {
  const system = systemEtcd
    ? `System etcd ${systemEtcd.version} (${systemEtcd.path})${endOfLifeNote(systemEtcd.version)}`
    : 'System etcd'
  const choices = [{ value: 'system', label: system }]
  for (const r of installed ?? [])
    choices.push({ value: r.version, label: `etcd ${r.version}${endOfLifeNote(r.version)}` })
  if (!choices.some((c) => c.value === current)) {
    choices.push({
      value: current,
      label: `etcd ${current}${endOfLifeNote(current)} (not installed)`,
    })
  }
  return choices
}

/** The Settings fields; what they hold lives in useSettingsForm. */
export function SettingsFields(props: {
  draft: SettingsDraft
  errors: FieldErrors
  onChange: <K extends keyof SettingsDraft>(field: K, value: SettingsDraft[K]) => void
  info: AppInfo | null
  installed: readonly InstalledRelease[] | null
}) {
  const { draft, errors, onChange, info } = props
  const id = useId()
  const versions = versionChoices(draft.defaultEtcdVersion, props.installed, info?.systemEtcd)
  return (
    <>
      <div className="settings__row">
        <FormField
          label="Data directory"
          error={errors.dataDir}
          note={
            <>
              Clusters, logs and releases live here. {info && `Now: ${info.dataDir}. `}A new folder
              is used after etcd Desk restarts.
            </>
          }
        >
          {(wiring) => (
            <input
              {...wiring}
              className="settings__path"
              // Why: the form appears after settings:get answers, after the dialog took focus.
              autoFocus
              placeholder="Default location"
              spellCheck={false}
              value={draft.dataDir}
              onChange={(e) => onChange('dataDir', e.target.value)}
            />
          )}
        </FormField>
      </div>
      <div className="settings__row">
        <FormField
          label="Default etcd version"
          error={errors.defaultEtcdVersion}
          note="Preselected when you create a cluster."
        >
          {(wiring) => (
            <select
              {...wiring}
              value={draft.defaultEtcdVersion}
              onChange={(e) => onChange('defaultEtcdVersion', e.target.value)}
            >
              {versions.map((v) => (
                <option key={v.value} value={v.value}>
                  {v.label}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField
          label="Start timeout (seconds)"
          error={errors.startTimeout}
          note="How long a member may take to become healthy."
        >
          {(wiring) => (
            <NumberInput
              wiring={wiring}
              value={draft.startTimeout}
              onChange={(v) => onChange('startTimeout', v)}
            />
          )}
        </FormField>
      </div>
      <div className="settings__row">
        <FormField
          label="Release mirror"
          error={errors.releaseMirror}
          note="Optional. Tried before GitHub when downloading etcd; it must serve /v<version>/<archive>."
        >
          {(wiring) => (
            <input
              {...wiring}
              className="settings__path"
              type="url"
              placeholder="https://mirror.example.com/etcd"
              spellCheck={false}
              value={draft.releaseMirror}
              onChange={(e) => onChange('releaseMirror', e.target.value)}
            />
          )}
        </FormField>
      </div>
      <div className="settings__row">
        <FormField
          label="Search results kept"
          error={errors.searchMaxResults}
          note="A key search (Keys → Search) stops after this many matches."
        >
          {(wiring) => (
            <NumberInput
              wiring={wiring}
              value={draft.searchMaxResults}
              onChange={(v) => onChange('searchMaxResults', v)}
            />
          )}
        </FormField>
      </div>
      <RestartPolicyFields draft={draft} errors={errors} onChange={onChange} />
      <fieldset className="settings__group">
        <legend>When quitting</legend>
        {QUIT_CHOICES.map((choice) => (
          <div key={choice.value} className="settings__choice">
            <label className="checkbox">
              <input
                type="radio"
                name={`${id}-quit`}
                value={choice.value}
                aria-describedby={`${id}-${choice.value}`}
                checked={draft.quitBehavior === choice.value}
                onChange={() => onChange('quitBehavior', choice.value)}
              />
              {choice.label}
            </label>
            <span id={`${id}-${choice.value}`} className="field__hint">
              {choice.note}
            </span>
          </div>
        ))}
      </fieldset>
    </>
  )
}
