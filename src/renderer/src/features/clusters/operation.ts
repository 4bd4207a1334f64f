import type { ClusterOperation, ClusterView } from '../../../../shared/cluster'
import { i18n } from '../../i18n'
import { engineWordsText, type EngineWordsText } from '../../i18n/engine-words'

/** What the user can ask of a cluster or one of its members. */
export type ClusterAction =
  | 'start-all'
  | 'stop-all'
  | 'delete'
  | 'member-start'
  | 'member-stop'
  | 'member-restart'
  | 'member-kill'
  | 'member-add'
  | 'member-promote'
  | 'member-remove'
  | 'member-pause'
  | 'member-resume'
  | 'member-make-leader'
  | 'member-fault'
  | 'upgrade'
  | 'enable-tls'
  | 'rotate-certificates'
  | 'auth-enable'
  | 'auth-disable'

/**
 * Actions still offered during an automatic restart: a member that keeps crashing must stay
 * stoppable (pm2's rule: a stop cancels a pending restart, never the other way round).
 */
const ALLOWED_DURING_AUTO_RESTART: ReadonlySet<ClusterAction> = new Set([
  'stop-all',
  'member-stop',
  'member-kill',
  'member-pause',
])

/** The operation in words: "Starting member etcd2 — waiting for etcd2 to become healthy". */
export function operationText(operation: ClusterOperation, words: EngineWordsText): string {
  const label = words(operation.labelWords, operation.label)
  return operation.step ? `${label} — ${words(operation.stepWords, operation.step)}` : label
}

/**
 * Why `action` cannot run now, naming what runs (the engine runs one operation per cluster at a
 * time), or null when nothing is in its way.
 */
export function blockedBy(
  operation: ClusterOperation | null,
  action: ClusterAction,
): string | null {
  if (!operation) return null
  if (operation.kind === 'auto-restart' && ALLOWED_DURING_AUTO_RESTART.has(action)) return null
  const label = engineWordsText(i18n.t)(operation.labelWords, operation.label)
  return i18n.t('clusters:operation.blocked', { label })
}

/**
 * The cluster's view revision while no operation runs on it, else 'operation-running': a request
 * keyed on it is asked again when an operation ends (or the cluster changes on its own, as when a
 * member crashes), never at each step of one.
 */
export function revisionAtRest(cluster: ClusterView): number | 'operation-running' {
  return cluster.operation === null ? cluster.revision : 'operation-running'
}
