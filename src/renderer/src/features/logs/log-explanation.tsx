import type { LogExplanation } from '../../../../shared/log-explanations'
import { useTranslation } from '../../i18n'
import type catalogue from '../../i18n/locales/en/logExplanations.json'
import './log-explanation.css'

/** An entry's id as a key of the explanation catalogues (a unit test checks every id is one). */
type ExplanationKey = keyof typeof catalogue

/** The plain-words explanation under a log line the catalogue recognizes, what to do, and etcd's page. */
export function LogExplanationNote(props: { explanation: LogExplanation }) {
  const { t } = useTranslation('logExplanations')
  const { t: tt } = useTranslation('timeline')
  const id = props.explanation.id as ExplanationKey
  return (
    <div role="note" aria-label={tt('explanation')} className="log-explanation">
      <strong>{t(`${id}.title`)}.</strong> {t(`${id}.meaning`)}{' '}
      <span className="log-explanation__action">
        <strong>{tt('whatToDo')}</strong> {t(`${id}.action`)}{' '}
        <a href={props.explanation.docsUrl} target="_blank" rel="noopener noreferrer">
          {tt('docs')}
        </a>
      </span>
    </div>
  )
}
