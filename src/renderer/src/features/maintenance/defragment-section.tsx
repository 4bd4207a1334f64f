import { useId, useState } from 'react'
import type { DefragReport } from '../../../../shared/maintenance'
import { defragCommands } from '../../../../shared/maintenance-commands'
import { useApi } from '../shared/api-context'
import { BusyButton } from '../shared/busy-button'
import { ErrorMessage } from '../shared/error-message'
import { useAction } from '../shared/use-action'
import { CommandTwin } from './command-twin'
import { DefragReportTable } from './defrag-report'
import type { Twins } from './use-twins'

/** Defragment every member, followers first and the leader last, and show what it gave back. */
export function DefragmentSection(props: { cluster: string; twins: Twins | null }) {
  const api = useApi()
  const ids = useId()
  const defrag = useAction(() => api.request('maintenance:defragment', { cluster: props.cluster }))
  const [report, setReport] = useState<DefragReport | null>(null)
  const run = async () => {
    const result = await defrag.run()
    if (result.ok) setReport(result.value)
  }
  return (
    <section className="maintenance-section" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>Defragment</h3>
      <p className="muted">
        Gives the space freed by deletes and compaction back to the disk. A member blocks its reads
        and writes while it is defragmented, and the leader blocks every write: so one member at a
        time, followers first, the leader last (after moving leadership off it).
      </p>
      <div className="button-row">
        <BusyButton isBusy={defrag.isBusy} onClick={() => void run()}>
          Defragment all members
        </BusyButton>
      </div>
      {defrag.error && (
        <ErrorMessage
          error={defrag.error}
          context="Could not defragment"
          onDismiss={defrag.clearError}
        />
      )}
      {report && <DefragReportTable report={report} />}
      {props.twins && (
        <CommandTwin
          title="The same with etcdctl, in this order"
          commands={defragCommands(props.twins.ctx)}
        />
      )}
    </section>
  )
}
