import { useId } from 'react'
import type { AppInfo } from '../../../../shared/contract'
import type { InstalledRelease } from '../../../../shared/releases'
import type { TFunction } from 'i18next'
import { LANGUAGE_CHOICES, type QuitBehavior } from '../../../../shared/settings'
import { useTranslation } from '../../i18n'
import { endOfLifeNote } from '../create-cluster/end-of-life-note'
import { FormField, NumberInput } from './form-field'
import { RestartPolicyFields } from './restart-policy-fields'
import type { FieldErrors, SettingsDraft } from './settings-draft'

const QUIT_CHOICES = [
  { value: 'stop-clusters', label: 'form.stopClusters', note: 'form.stopClustersNote' },
  { value: 'keep-running', label: 'form.keepRunning', note: 'form.keepRunningNote' },
] as const satisfies ReadonlyArray<{ value: QuitBehavior; label: string; note: string }>

/** The choices of "Default etcd version": system etcd, installed releases, and the saved value. */
function versionChoices(
  current: string,
  installed: readonly InstalledRelease[] | null,
  systemEtcd: AppInfo['systemEtcd'] | undefined,
  t: TFunction<'settings'>,
): { value: string; label: string }[] {
  const system = systemEtcd
    ? t('form.systemEtcdAt', {
        version: systemEtcd.version,
        path: systemEtcd.path,
        eol: endOfLifeNote(systemEtcd.version),
      })
    : t('form.systemEtcd')
  const choices = [{ value: 'system', label: system }]
  for (const r of installed ?? [])
    choices.push({
      value: r.version,
      label: t('form.release', { version: r.version, eol: endOfLifeNote(r.version) }),
    })
  if (!choices.some((c) => c.value === current)) {
    choices.push({
      value: current,
      label: t('form.releaseNotInstalled', { version: current, eol: endOfLifeNote(current) }),
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
  const { t } = useTranslation('settings')
  const versions = versionChoices(draft.defaultEtcdVersion, props.installed, info?.systemEtcd, t)
  return (
    <>
      <div className="settings__row">
        <FormField
          label={t('form.dataDir')}
          error={errors.dataDir}
          note={
            <>
              {t('form.dataDirNote')}
              {info && t('form.dataDirNow', { dir: info.dataDir })}
              {t('form.dataDirNext')}
            </>
          }
        >
          {(wiring) => (
            <input
              {...wiring}
              className="settings__path"
              // Why: the form appears after settings:get answers, after the dialog took focus.
              autoFocus
              placeholder={t('form.dataDirPlaceholder')}
              spellCheck={false}
              value={draft.dataDir}
              onChange={(e) => onChange('dataDir', e.target.value)}
            />
          )}
        </FormField>
      </div>
      <div className="settings__row">
        <FormField
          label={t('form.defaultVersion')}
          error={errors.defaultEtcdVersion}
          note={t('form.defaultVersionNote')}
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
          label={t('form.startTimeout')}
          error={errors.startTimeout}
          note={t('form.startTimeoutNote')}
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
          label={t('form.mirror')}
          error={errors.releaseMirror}
          note={t('form.mirrorNote')}
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
          label={t('form.searchMax')}
          error={errors.searchMaxResults}
          note={t('form.searchMaxNote')}
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
      <div className="settings__row">
        <FormField label={t('form.language')} note={t('form.languageNote')}>
          {(wiring) => (
            <select
              {...wiring}
              value={draft.language}
              onChange={(e) => onChange('language', e.target.value as SettingsDraft['language'])}
            >
              {LANGUAGE_CHOICES.map((choice) => (
                <option key={choice} value={choice} lang={choice === 'auto' ? undefined : choice}>
                  {t(`language.${choice}`, { ns: 'common' })}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      <RestartPolicyFields draft={draft} errors={errors} onChange={onChange} />
      <fieldset className="settings__group">
        <legend>{t('form.quitting')}</legend>
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
              {t(choice.label)}
            </label>
            <span id={`${id}-${choice.value}`} className="field__hint">
              {t(choice.note)}
            </span>
          </div>
        ))}
      </fieldset>
    </>
  )
}
