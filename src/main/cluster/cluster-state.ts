import type { ClusterState, MemberState } from '../../shared/cluster'

/** The cluster's state at a glance, derived from its members' states. */
export function clusterStateOf(states: readonly MemberState[]): ClusterState {
  const count = (s: MemberState): number => states.filter((x) => x === s).length
  if (states.length === 0 || count('stopped') === states.length) return 'stopped'
  if (count('stopping') > 0) return 'stopping'
  if (count('starting') > 0) return 'starting'
  if (count('running') === states.length) return 'running'
  // Paused members are there on purpose, not crashed.
  if (count('running') === 0 && count('paused') === 0) return 'crashed'
  return 'degraded'
}
