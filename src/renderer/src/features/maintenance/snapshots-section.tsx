import { Trans, useTranslation } from '../../i18n'
import { useId, useState } from 'react'
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
  cluster: string
  /** Names of the members a snapshot can be saved from (running, or answering). */
  running: readonly string[]
  twins: Twins | null
  onRestore: (id: string) => void
}) {
  const { cluster: name, running, twins } = props
  const api = useApi()
  const ids = useId()
  const { t } = useTranslation('maintenance')
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
      <h3 id={`${ids}-title`}>{t('snapshots.title')}</h3>
      <p className="muted">
        <Trans t={t} i18nKey="snapshots.about" components={{ code: <code /> }} />
      </p>
      <div className="toolbar">
        <label htmlFor={`${ids}-member`}>{t('snapshots.saveFrom')}</label>
        <select
          id={`${ids}-member`}
          value={member ?? ''}
          disabled={running.length === 0}
          onChange={(e) => setChosen(e.target.value)}
        >
          {running.length === 0 && <option value="">{t('snapshots.noRunning')}</option>}
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
          {t('snapshots.save')}
        </BusyButton>
      </div>
      {save.error && (
        <ErrorMessage
          error={save.error}
          context={t('snapshots.saveFailed')}
          onDismiss={save.clearError}
        />
      )}
      {twins && member && file && (
        <CommandTwin
          title={t('snapshots.twin')}
          commands={[
            snapshotSaveCommand(twins.ctx, member, file),
            snapshotStatusCommand(twins.ctx, file),
          ]}
        />
      )}
      {snapshots.error && (
        <ErrorMessage
          error={snapshots.error}
          context={t('snapshots.listFailed')}
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
