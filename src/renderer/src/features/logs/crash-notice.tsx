import type { MemberView } from '../../../../shared/cluster'
import { useTranslation } from '../../i18n'
import { useEngineWords } from '../../i18n/engine-words'
import { clockTime } from '../member-status/election-timeline'

/** Why a crashed member ended (exit code or signal, reason) and its last log lines. */
export function CrashNotice(props: { member: MemberView }) {
  const { member } = props
  const { t } = useTranslation('logs')
  const engineWords = useEngineWords()
  const exit = member.lastExit
  if (!exit || (member.state !== 'crashed' && member.state !== 'errored')) return null
  const how = exit.signal
    ? t('crash.signal', { signal: exit.signal })
    : exit.code !== null
      ? t('crash.exitCode', { code: exit.code })
      : t('crash.unknownExit')
  const at = { name: member.name, time: clockTime(exit.at) }
  return (
    <div className="crash-notice" role="alert">
      <strong>{t(member.state === 'errored' ? 'crash.gaveUp' : 'crash.crashed', at)}</strong>
      {` (${how}): ${engineWords(exit.reasonWords, exit.reason)}`}
      {exit.logTail.length > 0 && (
        <details open>
          <summary>{t('crash.lastLines')}</summary>
          <pre>{exit.logTail.join('\n')}</pre>
        </details>
      )}
      <p className="muted">{t('crash.fix')}</p>
    </div>
  )
}
