import { useId, useState } from 'react'
import { compactCommand } from '../../../../shared/maintenance-commands'
import { useApi } from '../shared/api-context'
import { ConfirmDialog } from '../shared/confirm-dialog'
import { useAction } from '../shared/use-action'
import { CommandTwin } from './command-twin'
import type { Twins } from './use-twins'

/** Compact the history to the current revision or a given one (asks first: history is gone after). */
export function CompactSection(props: {
  cluster: string
  twins: Twins | null
  onCompacted: (revision: string) => void
}) {
  const api = useApi()
  const ids = useId()
  const [draft, setDraft] = useState('')
  const [isAsking, setAsking] = useState(false)
  const [done, setDone] = useState<string | null>(null)
  const revision = draft.trim()
  const isValid = revision === '' || /^\d{1,19}$/.test(revision)
  const compact = useAction(() =>
    api.request('maintenance:compact', {
      cluster: props.cluster,
      ...(revision ? { revision } : {}),
    }),
  )
  const confirm = async () => {
    const result = await compact.run()
    if (!result.ok) return
    setAsking(false)
    setDone(result.value.revision)
    props.onCompacted(result.value.revision)
  }
  return (
    <section className="maintenance-section" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>Compact</h3>
      <p className="muted">
        etcd keeps every old value until its history is compacted. Compaction drops the history
        before a revision on every member: reads and watches from older revisions then fail.
      </p>
      <div className="toolbar">
        <label htmlFor={`${ids}-revision`}>Revision</label>
        <input
          id={`${ids}-revision`}
          inputMode="numeric"
          placeholder="empty: the current one"
          value={draft}
          aria-invalid={isValid ? undefined : true}
          onChange={(e) => setDraft(e.target.value)}
        />
        <button type="button" disabled={!isValid} onClick={() => setAsking(true)}>
          Compact…
        </button>
      </div>
      {!isValid && <p className="field__issue">A revision is a whole number.</p>}
      {done && (
        <p role="status">
          Compacted: history before revision <strong>{done}</strong> is gone.
        </p>
      )}
      {props.twins && (
        <CommandTwin
          title="The same with etcdctl"
          commands={[compactCommand(props.twins.ctx, revision || done)]}
        />
      )}
      {isAsking && (
        <ConfirmDialog
          title="Compact the history?"
          confirmLabel={
            revision ? `Compact to revision ${revision}` : 'Compact to the current revision'
          }
          onConfirm={() => void confirm()}
          onCancel={() => {
            compact.clearError()
            setAsking(false)
          }}
          isBusy={compact.isBusy}
          error={compact.error}
        >
          <p>
            Every member drops the history before{' '}
            {revision ? `revision ${revision}` : 'the current revision'}. Current values stay; older
            versions of keys cannot be read or watched any more. This cannot be undone.
          </p>
        </ConfirmDialog>
      )}
    </section>
  )
}
