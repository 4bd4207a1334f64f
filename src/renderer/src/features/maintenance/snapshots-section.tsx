import { useId, useState } from 'react'
import type { ClusterView } from '../../../../shared/cluster'
import { snapshotSaveCommand, snapshotStatusCommand } from '../../../../shared/maintenance-commands'
import { useApi } from '../shared/api-context'
import { BusyButton } from '../shared/busy-button'
import { ErrorMessage } from '../shared/error-message'
import { useAction } from '../shared/use-action'
import { useRequest } from '../shared/use-request'
import { CommandTwin } from './command-twin'
import { SnapshotTable } from './snapshot-table'
import type { Twins } from './use-twins'

/**
 * Snapshots: save one from a chosen member, and every saved snapshot (of any cluster) with its
 * size, revision and time, to download or copy out, delete, or restore into a new cluster.
 */
export function SnapshotsSection(props: {
  cluster: ClusterView
  twins: Twins | null
  onRestore: (id: string) => void
}) {
  const { cluster, twins } = props
  const name = cluster.definition.name
  const api = useApi()
  const ids = useId()
  const running = cluster.members.filter((m) => m.state === 'running').map((m) => m.name)
  const [chosen, setChosen] = useState<string | null>(null)
  const member = chosen && running.includes(chosen) ? chosen : (running[0] ?? null)
  const [listed, setListed] = useState(0)
  const snapshots = useRequest('maintenance:snapshots', {}, [listed])
  const save = useAction((from: string) =>
    api.request('maintenance:snapshot-save', { cluster: name, member: from }),
  )
  const onSave = async () => {
    if (!member) return
    const result = await save.run(member)
    if (result.ok) setListed((n) => n + 1)
  }
  const file = twins && member ? `${twins.snapshotsDir}/${name}-${member}.db` : null
  return (
    <section className="maintenance-section" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>Snapshots</h3>
      <p className="muted">
        A snapshot is one member&apos;s whole keyspace in a file. It is saved in the data
        directory&apos;s <code>snapshots/</code> folder; restore it into a new cluster to get the
        same keys under new member IDs.
      </p>
      <div className="toolbar">
        <label htmlFor={`${ids}-member`}>Save from</label>
        <select
          id={`${ids}-member`}
          value={member ?? ''}
          disabled={running.length === 0}
          onChange={(e) => setChosen(e.target.value)}
        >
          {running.length === 0 && <option value="">no running member</option>}
          {running.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </select>
        <BusyButton
          className="button--primary"
          isBusy={save.isBusy}
          disabled={!member}
          onClick={() => void onSave()}
        >
          Save snapshot
        </BusyButton>
      </div>
      {save.error && (
        <ErrorMessage
          error={save.error}
          context="Could not save the snapshot"
          onDismiss={save.clearError}
        />
      )}
      {twins && member && file && (
        <CommandTwin
          title="Save and check it with etcdctl"
          commands={[
            snapshotSaveCommand(twins.ctx, member, file),
            snapshotStatusCommand(twins.ctx, file),
          ]}
        />
      )}
      {snapshots.error && (
        <ErrorMessage
          error={snapshots.error}
          context="Could not list the snapshots"
          onRetry={snapshots.reload}
        />
      )}
      <SnapshotTable
        snapshots={snapshots.data}
        onChanged={() => setListed((n) => n + 1)}
        onRestore={props.onRestore}
      />
    </section>
  )
}
