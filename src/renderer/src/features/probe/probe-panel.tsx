import type { ClusterView } from '../../../../shared/cluster'
import { PROBE_PREFIX, PROBE_RATE_PER_SECOND, type ProbeStats } from '../../../../shared/probe'
import { useApi } from '../shared/api-context'
import { BusyButton } from '../shared/busy-button'
import { ErrorMessage } from '../shared/error-message'
import { hasLiveMember } from '../shared/member-state'
import { useAction } from '../shared/use-action'
import { useProbeStats } from './use-probe-stats'

/**
 * The write probe ("availability meter") of a cluster: Start/Stop, and what it saw over the last
 * minute — writes that succeeded and failed, latency, rate and the last error — from its pushes.
 */
export function ProbePanel(props: { cluster: ClusterView }) {
  const cluster = props.cluster.definition.name
  const api = useApi()
  const { stats, ratePerSecond, take } = useProbeStats(cluster)
  const start = useAction(() => api.request('probe:start', { cluster }))
  const stop = useAction(() => api.request('probe:stop', { cluster }))
  const isRunning = stats?.isRunning ?? false
  const isUp = hasLiveMember(props.cluster)
  const run = async (action: typeof start) => {
    const result = await action.run()
    if (result.ok) take(result.value)
  }
  const failure = start.error ?? stop.error
  return (
    <section className="probe-panel" aria-labelledby="probe-panel-title">
      <div className="probe-panel__head">
        <h3 id="probe-panel-title">Write probe</h3>
        {isRunning ? (
          <BusyButton isBusy={stop.isBusy} onClick={() => void run(stop)}>
            Stop write probe
          </BusyButton>
        ) : (
          <BusyButton isBusy={start.isBusy} disabled={!isUp} onClick={() => void run(start)}>
            Start write probe
          </BusyButton>
        )}
      </div>
      <p className="muted probe-panel__about">
        Writes a key through each voting member {PROBE_RATE_PER_SECOND} times a second and reads it
        back, as a client would. Its keys (<code>{PROBE_PREFIX}</code>) have a lease: they vanish
        when it stops.
      </p>
      {!isUp && !isRunning && <p className="muted">Start the cluster to run the probe.</p>}
      {failure && (
        <ErrorMessage
          error={failure}
          context={
            start.error ? 'Could not start the write probe' : 'Could not stop the write probe'
          }
          onDismiss={() => {
            start.clearError()
            stop.clearError()
          }}
        />
      )}
      {stats && <ProbeFigures stats={stats} ratePerSecond={ratePerSecond} />}
    </section>
  )
}

function ProbeFigures(props: { stats: ProbeStats; ratePerSecond: number | null }) {
  const { stats } = props
  const ms = (value: number | null) => (value === null ? '—' : `${value} ms`)
  return (
    <>
      <dl className="probe-figures" aria-label="Write probe figures">
        <dt>OK, last minute</dt>
        <dd>{stats.ok.toLocaleString()}</dd>
        <dt>Failed, last minute</dt>
        <dd className={stats.failed > 0 ? 'probe-figures__failed' : undefined}>
          {stats.failed.toLocaleString()}
        </dd>
        <dt>Latency p50 / p99</dt>
        <dd>
          {ms(stats.p50Ms)} / {ms(stats.p99Ms)}
        </dd>
        <dt>Rate</dt>
        <dd>
          {stats.isRunning && props.ratePerSecond !== null
            ? `${props.ratePerSecond.toFixed(1)} writes/s`
            : '—'}
        </dd>
        <dt>Since start</dt>
        <dd>
          {stats.totals.ok.toLocaleString()} ok, {stats.totals.failed.toLocaleString()} failed
        </dd>
      </dl>
      {!stats.isRunning && <p className="muted">Stopped; these are its last figures.</p>}
      {stats.lastError && (
        <p className="probe-panel__error">
          <strong>Last error:</strong> {stats.lastError}
        </p>
      )}
    </>
  )
}
