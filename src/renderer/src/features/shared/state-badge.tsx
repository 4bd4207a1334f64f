import type { ClusterState, MemberState } from '../../../../shared/cluster'

const LABELS: Record<ClusterState | MemberState, string> = {
  stopped: 'stopped',
  starting: 'starting',
  running: 'running',
  paused: 'paused',
  degraded: 'degraded',
  stopping: 'stopping',
  crashed: 'crashed',
  errored: 'errored',
}

/** A coloured badge (dot + word, so it does not rely on colour alone) for a cluster or member state. */
export function StateBadge(props: { state: ClusterState | MemberState }) {
  return (
    <span className={`badge badge--${props.state}`}>
      <span className="badge__dot" aria-hidden="true" />
      {LABELS[props.state]}
    </span>
  )
}
