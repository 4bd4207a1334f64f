import { useTranslation } from '../../i18n'
import type { QuorumChange } from '../../../../shared/quorum'
import { quorumSummary } from './membership-facts'

/** The quorum calculator shown before every membership change, with what needs a second look. */
export function QuorumNote(props: { change: QuorumChange }) {
  const { change } = props
  const { t } = useTranslation('membership')
  return (
    <div className="quorum-note" role="note" aria-label={t('quorum.label')}>
      <p className="mono">{quorumSummary(change, t)}</p>
      {change.losesQuorum && <p className="banner banner--error">{t('quorum.loses')}</p>}
      {!change.losesQuorum && change.isEven && change.after.voters !== change.before.voters && (
        <p className="banner banner--warn">
          {t('quorum.even', { voters: change.after.voters, fewer: change.after.voters - 1 })}
        </p>
      )}
    </div>
  )
}
