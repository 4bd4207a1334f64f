import { Trans, useTranslation } from '../../i18n'
import { useEngineWords } from '../../i18n/engine-words'
import type { OperationReport } from '../../../../shared/cluster'
import { CopyButton } from '../shared/copy-button'

/** The last cluster operation (member add, remove, pause, upgrade …) as the commands to type. */
export function OperationCommands(props: { report: OperationReport | null }) {
  const { report } = props
  const commands = report?.commands ?? []
  const { t } = useTranslation('commands')
  const words = useEngineWords()
  const label = report ? words(report.labelWords, report.label) : ''
  return (
    <section aria-labelledby="operation-commands-title">
      <h3 id="operation-commands-title">{t('operation.title')}</h3>
      {report && commands.length > 0 ? (
        <>
          <p className="muted">
            {t(report.isSuccess ? 'operation.steps' : 'operation.stepsFailed', {
              label,
            })}
          </p>
          {commands.map((command, i) => (
            <div key={i} className="command">
              <div className="command__head">
                <span>{t('operation.step', { n: i + 1 })}</span>
                <CopyButton text={command} label={t('operation.copyStep', { n: i + 1, label })} />
              </div>
              <pre className="command__text">{command}</pre>
            </div>
          ))}
        </>
      ) : (
        <p className="muted">
          <Trans t={t} i18nKey="operation.empty" components={{ code: <code /> }} />
        </p>
      )}
    </section>
  )
}
