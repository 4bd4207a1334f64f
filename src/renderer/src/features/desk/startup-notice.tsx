import { useState } from 'react'
import type { StartupReport } from '../../../../shared/contract'
import { useTranslation } from '../../i18n'
import { useEngineWords } from '../../i18n/engine-words'

/** Where the ids of dismissed start-up reports are kept, so a reload does not show them again. */
const DISMISSED_KEY = 'etcd-desk.dismissed-startup-reports'
/** Enough for every recent engine start; older ids are forgotten first. */
const MAX_REMEMBERED = 20

/** Ids of the reports the user dismissed (none when storage is unavailable or unreadable). */
function readDismissed(): string[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(DISMISSED_KEY) ?? '[]')
    return Array.isArray(stored) ? stored.filter((id) => typeof id === 'string') : []
  } catch {
    return []
  }
}

/** Remembers a dismissed report; without storage it is only forgotten at the next reload. */
function rememberDismissed(id: string): void {
  const ids = [...readDismissed().filter((known) => known !== id), id].slice(-MAX_REMEMBERED)
  try {
    localStorage.setItem(DISMISSED_KEY, JSON.stringify(ids))
  } catch {
    // Why ignored: storage can be full or disabled; the notice is then dismissed for this page only.
  }
}

/** What the engine found at start-up of an earlier run, shown until dismissed, once per report. */
export function StartupNotice(props: { report: StartupReport | null }) {
  const { report } = props
  const [dismissed, setDismissed] = useState(() => new Set(readDismissed()))
  const { t } = useTranslation('desk')
  const engineWords = useEngineWords()
  if (!report || report.lines.length === 0 || dismissed.has(report.id)) return null
  const dismiss = () => {
    rememberDismissed(report.id)
    setDismissed((known) => new Set(known).add(report.id))
  }
  return (
    <div className="banner banner--info desk__banner" role="status" aria-label={t('startup.label')}>
      <ul className="startup-notice__lines">
        {report.lines.map((line, i) => (
          <li key={i}>{engineWords(report.lineWords[i], line)}</li>
        ))}
      </ul>
      <button type="button" className="button--small" onClick={dismiss}>
        {t('startup.dismiss')}
      </button>
    </div>
  )
}
