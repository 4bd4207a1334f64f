import type { ClusterView } from '../../../../shared/cluster'
import { FILL_PREFIX } from '../../../../shared/maintenance'
import {
  alarmCommand,
  compactCommand,
  defragCommands,
  deletePrefixCommand,
  hashKvCommand,
  snapshotRestoreCommands,
  snapshotSaveCommand,
  snapshotStatusCommand,
  usesEtcdutl,
} from '../../../../shared/maintenance-commands'
import { CommandTwin } from '../maintenance/command-twin'
import { useTwins } from '../maintenance/use-twins'

/**
 * The Maintenance tab's actions as etcdctl / etcdutl commands for this cluster's version, and,
 * for a cluster restored from a snapshot, the exact restore commands the engine ran.
 */
export function MaintenanceCommandsSection(props: { cluster: ClusterView; leader: string | null }) {
  const { cluster } = props
  const twins = useTwins(cluster, props.leader)
  if (!twins) return null
  const { ctx, snapshotsDir } = twins
  const name = cluster.definition.name
  const first = cluster.members[0]?.name ?? 'etcd1'
  const file = `${snapshotsDir}/${name}-${first}.db`
  const { fromSnapshot, token } = cluster.definition
  const restoreTool = usesEtcdutl(ctx.version) ? 'etcdutl' : 'etcdctl'
  return (
    <section aria-labelledby="maintenance-commands-title">
      <h3 id="maintenance-commands-title">Maintenance with etcdctl and etcdutl</h3>
      <p className="muted">
        What the Maintenance tab does, for etcd {ctx.version}: snapshots restore with {restoreTool}
        {restoreTool === 'etcdutl' ? ' (etcdctl’s is deprecated from 3.5, gone in 3.6)' : ' on 3.4'}
        .
      </p>
      {fromSnapshot && (
        <CommandTwin
          title={`How this cluster was restored from ${fromSnapshot}`}
          commands={snapshotRestoreCommands(
            ctx,
            `${snapshotsDir}/${fromSnapshot}`,
            cluster.members.map((m) => ({ name: m.name, peerUrl: m.peerUrl, dataDir: m.dataDir })),
            token,
          )}
        />
      )}
      <CommandTwin
        title={`Save a snapshot of ${first} and check it`}
        commands={[snapshotSaveCommand(ctx, first, file), snapshotStatusCommand(ctx, file)]}
      />
      <CommandTwin
        title="Defragment, followers first, the leader last"
        commands={defragCommands(ctx)}
      />
      <CommandTwin title="Compact the history" commands={[compactCommand(ctx, null)]} />
      <CommandTwin
        title="List and disarm alarms"
        commands={[alarmCommand(ctx, 'list'), alarmCommand(ctx, 'disarm')]}
      />
      <CommandTwin
        title="Compare every member's hash of the keyspace"
        commands={[hashKvCommand(ctx)]}
      />
      {cluster.definition.quotaBackendBytes && (
        <CommandTwin
          title="Delete the NOSPACE drill's filler keys"
          commands={[deletePrefixCommand(ctx, FILL_PREFIX)]}
        />
      )}
    </section>
  )
}
