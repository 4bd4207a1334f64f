import { useTranslation } from '../../i18n'
import { useEngineWords } from '../../i18n/engine-words'
import { useId } from 'react'
import type { UpgradeChoices } from '../../../../shared/upgrade'
import { optionLabel } from './upgrade-texts'
import { byLine, isCurrentVersion } from './version-facts'

/**
 * The target version: every version the engine knows, newest first, grouped by line (3.4 marked
 * end of life). Versions it will not run are listed too, marked "not offered": picking one shows
 * why (and hovering shows it as a tooltip), but only offered ones can be started.
 */
export function VersionPicker(props: {
  choices: UpgradeChoices
  value: string
  onChange: (version: string) => void
}) {
  const { choices } = props
  const id = useId()
  const { t } = useTranslation('upgrade')
  const engineWords = useEngineWords()
  return (
    <div className="field">
      <label htmlFor={id}>{t('picker.target')}</label>
      <select
        id={id}
        value={props.value}
        aria-describedby={`${id}-hint`}
        onChange={(e) => props.onChange(e.target.value)}
      >
        {byLine(choices.options).map((group) => {
          const first = group[0]!
          return (
            <optgroup
              key={first.line}
              label={t(first.isEndOfLife ? 'picker.groupEol' : 'picker.group', {
                line: first.line,
              })}
            >
              {group.map((o) => (
                <option
                  key={o.version}
                  value={o.version}
                  title={o.verdict.ok ? undefined : engineWords(o.verdict.refusal.reason, '')}
                >
                  {optionLabel(o, isCurrentVersion(choices, o.version))}
                </option>
              ))}
            </optgroup>
          )
        })}
      </select>
      <p id={`${id}-hint`} className="field__hint">
        {t('picker.hint')}
      </p>
    </div>
  )
}
