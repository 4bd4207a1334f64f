import type { QuorumChange } from '../../../../shared/quorum'

/** The quorum calculator shown before every membership change, with what needs a second look. */
export function QuorumNote(props: { change: QuorumChange }) {
  const { change } = props
  return (
    <div className="quorum-note" role="note" aria-label="Quorum before and after">
      <p className="mono">{change.summary}</p>
      {change.losesQuorum && (
        <p className="banner banner--error">
          After this change fewer voters would be up than its quorum: the cluster would stop
          accepting writes. etcd Desk refuses it; start the stopped members first.
        </p>
      )}
      {!change.losesQuorum && change.isEven && change.after.voters !== change.before.voters && (
        <p className="banner banner--warn">
          {change.after.voters} voters survive no more failures than {change.after.voters - 1}{' '}
          would: an even count costs a vote without adding safety.
        </p>
      )}
    </div>
  )
}
