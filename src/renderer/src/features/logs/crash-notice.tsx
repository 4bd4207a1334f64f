import type { MemberView } from '../../../../shared/cluster'
import { clockTime } from '../member-status/election-timeline'

/** Why a crashed member ended (exit code or signal, reason) and its last log lines. */
export function CrashNotice(props: { member: MemberView }) {
  const { member } = props
  const exit = member.lastExit
  if (!exit || (member.state !== 'crashed' && member.state !== 'errored')) return null
  const how = exit.signal
    ? `signal ${exit.signal}`
    : exit.code !== null
      ? `exit code ${exit.code}`
      : 'unknown exit'
  return (
    <div className="crash-notice" role="alert">
      <strong>
        {member.name} {member.state === 'errored' ? 'stopped restarting' : 'crashed'} at{' '}
        {clockTime(exit.at)}
      </strong>{' '}
      ({how}): {exit.reason}
      {exit.logTail.length > 0 && (
        <details open>
          <summary>Last lines before the exit</summary>
          <pre>{exit.logTail.join('\n')}</pre>
        </details>
      )}
      <p className="muted">
        Fix the cause shown above, then click Start on its row in the Members tab.
      </p>
    </div>
  )
}
