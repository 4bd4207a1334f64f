import type { ConnectionTestResult } from '../../../../shared/connections'
import { useTranslation } from '../../i18n'
import { useEngineWords } from '../../i18n/engine-words'

/** "Test connection": each endpoint's answer in plain words, and the members etcd listed. */
export function ConnectionTestView(props: { result: ConnectionTestResult }) {
  const { result } = props
  const { t } = useTranslation('connections')
  const engineWords = useEngineWords()
  return (
    <div role="status" aria-label={t('test.label')}>
      <p className={result.isOk ? 'muted' : 'field__issue'}>
        {result.isOk
          ? t('test.connected', {
              count: result.members.length,
              names: result.members.map((m) => m.name || t('test.notStarted')).join(', '),
            })
          : t('test.noAnswer')}
      </p>
      <ul className="connection-test">
        {result.endpoints.map((e) => (
          <li key={e.endpoint}>
            <span className="mono">{e.endpoint}</span>{' '}
            {e.isOk ? (
              <span>{t('test.answered', { version: e.version, id: e.memberId })}</span>
            ) : (
              <>
                <span className="field__issue">✗ {engineWords(e.problemWords, e.words ?? '')}</span>
                {e.detail && (
                  <details>
                    <summary>{t('test.said')}</summary>
                    <pre className="mono break">{e.detail}</pre>
                  </details>
                )}
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  )
}
