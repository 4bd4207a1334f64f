import type { ConnectionTestResult } from '../../../../shared/connections'

/** "Test connection": each endpoint's answer in plain words, and the members etcd listed. */
export function ConnectionTestView(props: { result: ConnectionTestResult }) {
  const { result } = props
  return (
    <div role="status" aria-label="Connection test">
      <p className={result.isOk ? 'muted' : 'field__issue'}>
        {result.isOk
          ? `Connected: ${result.members.length} ${result.members.length === 1 ? 'member' : 'members'} (${result.members.map((m) => m.name || '(not started)').join(', ')}).`
          : 'No endpoint answered.'}
      </p>
      <ul className="connection-test">
        {result.endpoints.map((e) => (
          <li key={e.endpoint}>
            <span className="mono">{e.endpoint}</span>{' '}
            {e.isOk ? (
              <span>
                ✓ etcd {e.version}, member {e.memberId}
              </span>
            ) : (
              <>
                <span className="field__issue">✗ {e.words}</span>
                {e.detail && (
                  <details>
                    <summary>What it said</summary>
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
