import { useTranslation } from '../../i18n'
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
  const { t } = useTranslation('commands')
  if (!twins) return null
  const { ctx, snapshotsDir } = twins
  const name = cluster.definition.name
  const first = cluster.members[0]?.name ?? 'etcd1'
  const file = `${snapshotsDir}/${name}-${first}.db`
  const { fromSnapshot, token } = cluster.definition
  const restoreTool = usesEtcdutl(ctx.version) ? 'etcdutl' : 'etcdctl'
  return (
    <section aria-labelledby="maintenance-commands-title">
      <h3 id="maintenance-commands-title">{t('maintenance.title')}</h3>
      <p className="muted">
        {t(restoreTool === 'etcdutl' ? 'maintenance.aboutEtcdutl' : 'maintenance.aboutEtcdctl', {
          version: ctx.version,
        })}
      </p>
      {fromSnapshot && (
        <CommandTwin
          title={t('maintenance.restored', { snapshot: fromSnapshot })}
          commands={snapshotRestoreCommands(
            ctx,
            `${snapshotsDir}/${fromSnapshot}`,
            cluster.members.map((m) => ({ name: m.name, peerUrl: m.peerUrl, dataDir: m.dataDir })),
            token,
          )}
        />
      )}
      <CommandTwin
        title={t('maintenance.save', { member: first })}
        commands={[snapshotSaveCommand(ctx, first, file), snapshotStatusCommand(ctx, file)]}
      />
      <CommandTwin title={t('maintenance.defrag')} commands={defragCommands(ctx)} />
      <CommandTwin title={t('maintenance.compact')} commands={[compactCommand(ctx, null)]} />
      <CommandTwin
        title={t('maintenance.alarms')}
        commands={[alarmCommand(ctx, 'list'), alarmCommand(ctx, 'disarm')]}
      />
      <CommandTwin title={t('maintenance.hash')} commands={[hashKvCommand(ctx)]} />
      {cluster.definition.quotaBackendBytes && (
        <CommandTwin
          title={t('maintenance.filler')}
          commands={[deletePrefixCommand(ctx, FILL_PREFIX)]}
        />
      )}
    </section>
  )
}
