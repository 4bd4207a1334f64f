import type { UpgradeChoices } from '../../../../shared/upgrade'
import { clusterLine } from './upgrade-texts'

/** The versions now, at the top of the Upgrade dialog: each member's, the cluster's, and auth. */
export function VersionsNow(props: { choices: UpgradeChoices }) {
  const { choices } = props
  return (
    <div className="versions-now">
      <table className="upgrade-swaps" aria-label="Member versions now">
        <thead>
          <tr>
            <th scope="col">Member</th>
            <th scope="col">etcd version</th>
          </tr>
        </thead>
        <tbody>
          {choices.members.map((m) => (
            <tr key={m.member}>
              <th scope="row">{m.member}</th>
              <td className="mono">{m.version}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p aria-label="Cluster version now">
        Cluster version:{' '}
        <strong>
          {choices.clusterVersion ? clusterLine(choices.clusterVersion) : 'not known'}
        </strong>
        {choices.clusterVersion === null && (
          <span className="muted"> (start the cluster to read it)</span>
        )}
      </p>
      {choices.authEnabled !== false && (
        <p className="field__note">
          {choices.authEnabled
            ? 'Authentication is on: a rolling change between 3.4 and 3.5 is not offered.'
            : 'Could not tell whether authentication is on: changes between 3.4 and 3.5 are not offered.'}
        </p>
      )}
    </div>
  )
}
