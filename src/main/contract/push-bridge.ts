import type { PushChannel, PushMap } from '../../shared/contract'
import type { ClusterStatus, ClusterView, LeaderChange } from '../../shared/cluster'
import type { LogBatch } from '../../shared/logs'
import type { ClusterEvent } from '../../shared/cluster-events'
import type { ProbeStats } from '../../shared/probe'
import type { InstallProgress } from '../../shared/releases'
import type { SettingsView } from '../../shared/settings'
import type { TransferProgress } from '../../shared/transfer'
import type { DiagnosisProgress } from '../../shared/diagnosis'
import type { Engine } from '../engine/engine'

/** Sends one push to the window(s), whatever the transport. */
export type PushSink = <P extends PushChannel>(channel: P, payload: PushMap[P]) => void

/**
 * Forwards the engine's events for every window to a transport as contract pushes; returns an
 * unsubscribe. Key-watch events are not among them: each goes to the window that opened the
 * watch (see client-session).
 */
export function bridgePushes(engine: Engine, push: PushSink): () => void {
  const onCluster = (view: ClusterView): void => push('cluster:changed', view)
  const onRemoved = (cluster: string, revision: number): void =>
    push('cluster:removed', { cluster, revision })
  const onStatus = (status: ClusterStatus): void => push('status:update', status)
  const onLeader = (cluster: string, change: LeaderChange): void =>
    push('leader:changed', { cluster, change })
  const onLogs = (batch: LogBatch): void => push('logs:append', batch)
  const onSettings = (view: SettingsView): void => push('settings:changed', view)
  const onReleaseProgress = (progress: InstallProgress): void => push('releases:progress', progress)
  const onProbe = (stats: ProbeStats): void => push('probe:stats', stats)
  const onTransfer = (progress: TransferProgress): void => push('transfer:progress', progress)
  const onDiagnosis = (progress: DiagnosisProgress): void => push('diagnosis:progress', progress)
  engine.diagnosis.on('progress', onDiagnosis)
  const onTimeline = (event: ClusterEvent): void => push('timeline:append', event)
  engine.timeline.on('append', onTimeline)
  engine.transfers.on('progress', onTransfer)
  engine.on('cluster', onCluster)
  engine.on('cluster-removed', onRemoved)
  engine.on('status', onStatus)
  engine.on('leader-change', onLeader)
  engine.on('logs', onLogs)
  engine.on('settings', onSettings)
  engine.on('probe', onProbe)
  engine.releases.on('progress', onReleaseProgress)
  return () => {
    engine.transfers.off('progress', onTransfer)
    engine.diagnosis.off('progress', onDiagnosis)
    engine.timeline.off('append', onTimeline)
    engine.off('cluster', onCluster)
    engine.off('cluster-removed', onRemoved)
    engine.off('status', onStatus)
    engine.off('leader-change', onLeader)
    engine.off('logs', onLogs)
    engine.off('settings', onSettings)
    engine.off('probe', onProbe)
    engine.releases.off('progress', onReleaseProgress)
  }
}
