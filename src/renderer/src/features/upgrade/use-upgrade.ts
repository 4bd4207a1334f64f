import { useState } from 'react'
import type { ClusterView } from '../../../../shared/cluster'
import type { UpgradeReport } from '../../../../shared/upgrade'
import { useCreateDownload } from '../create-cluster/use-create-download'
import { useApi } from '../shared/api-context'
import { useAction } from '../shared/use-action'

/** How a running upgrade is asked to stop: after the member being swapped, kept or dropped. */
export type UpgradeStopMode = 'pause' | 'abort'

/**
 * One cluster's version change as the window drives it: start (or continue) it, follow the
 * downloads it starts, ask it to pause or abort, and keep the report of the last one. It lives
 * with the cluster's workspace, so closing the Upgrade dialog does not lose the answer.
 */
export function useUpgrade(cluster: ClusterView) {
  const api = useApi()
  const name = cluster.definition.name
  const [report, setReport] = useState<UpgradeReport | null>(null)
  /** The stop asked for, with the start time of the operation it was asked of. */
  const [stopAsked, setStopAsked] = useState<{ mode: UpgradeStopMode; of: string } | null>(null)
  const download = useCreateDownload()
  const run = useAction((version: string, allowHops: boolean) =>
    api.request(
      'cluster:upgrade',
      allowHops ? { cluster: name, version, allowHops } : { cluster: name, version },
    ),
  )
  const stopAction = useAction((mode: UpgradeStopMode) =>
    api.request('cluster:upgrade-stop', { cluster: name, mode }),
  )
  /** Starts (or continues) the change to `version`; `hops` are followed for downloads. */
  const start = async (version: string, options: { allowHops?: boolean; hops?: string[] } = {}) => {
    setReport(null)
    const result = await download.follow(options.hops ?? [version], () =>
      run.run(version, options.allowHops === true),
    )
    if (result.ok) setReport(result.value)
  }
  /** Asks the running (or paused) upgrade to stop after the member being swapped. */
  const stop = async (mode: UpgradeStopMode) => {
    const of = cluster.operation?.startedAt ?? ''
    setStopAsked({ mode, of })
    const result = await stopAction.run(mode)
    if (!result.ok) setStopAsked(null)
  }
  const operation = cluster.operation?.kind === 'upgrade' ? cluster.operation : null
  return {
    start,
    stop,
    isStarting: run.isBusy,
    isStopping: stopAction.isBusy,
    /** The stop asked of the upgrade running now, if any. */
    stopAsked: operation && stopAsked?.of === operation.startedAt ? stopAsked.mode : null,
    startError: run.error,
    clearStartError: run.clearError,
    stopError: stopAction.error,
    clearStopError: stopAction.clearError,
    report,
    dismissReport: () => setReport(null),
    progress: download.progress,
    cancelDownload: download.cancel,
  }
}

/** What useUpgrade gives the header, the Upgrade dialog and the Members tab. */
export type UpgradeRun = ReturnType<typeof useUpgrade>
