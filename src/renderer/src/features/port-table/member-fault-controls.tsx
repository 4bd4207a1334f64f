import { useTranslation } from '../../i18n'
import { useState } from 'react'
import type { MemberFaults } from '../../../../shared/cluster'
import { BusyButton } from '../shared/busy-button'
import type { FaultAction } from './use-fault-actions'

/** What "Add latency" offers first: enough to see a slower write, well under an election timeout. */
const DEFAULT_LATENCY_MS = 200
/** The engine refuses more (the contract's member:latency limit): beyond it every election fails. */
const MAX_LATENCY_MS = 10_000

/** The faults on a member at a glance: "isolated", "+200 ms". */
export function FaultMarkers(props: { faults: MemberFaults | null }) {
  const { faults } = props
  const { t } = useTranslation('port-table')
  if (!faults) return null
  return (
    <>
      {faults.isolated && (
        <>
          {' '}
          <span className="tag tag--fault">{t('faults.isolated')}</span>
        </>
      )}
      {faults.latencyMs > 0 && (
        <>
          {' '}
          <span className="tag tag--fault">{t('faults.latency', { ms: faults.latencyMs })}</span>
        </>
      )}
    </>
  )
}

/** A member's network-fault controls: Isolate/Heal, and a latency in ms to add or remove. */
export function MemberFaultControls(props: {
  member: string
  faults: MemberFaults
  isBusy: boolean
  /** Why the controls are disabled now (another operation runs), or null. */
  blocked: string | null
  onAction: (action: FaultAction) => void
}) {
  const { member, faults, isBusy, blocked } = props
  const { t } = useTranslation('port-table')
  const [ms, setMs] = useState(faults.latencyMs || DEFAULT_LATENCY_MS)
  const isDisabled = isBusy || blocked !== null
  const hasLatency = faults.latencyMs > 0
  const isValidMs = Number.isInteger(ms) && ms > 0 && ms <= MAX_LATENCY_MS
  return (
    <div className="button-row button-row--tight fault-controls">
      <BusyButton
        className="button--small"
        aria-label={
          faults.isolated ? t('faults.healOf', { member }) : t('faults.isolateOf', { member })
        }
        title={blocked ?? undefined}
        isBusy={isBusy}
        disabled={isDisabled}
        onClick={() => props.onAction({ kind: faults.isolated ? 'heal' : 'isolate' })}
      >
        {faults.isolated ? t('faults.heal') : t('faults.isolate')}
      </BusyButton>
      <input
        type="number"
        className="fault-controls__ms"
        aria-label={t('faults.latencyOf', { member })}
        title={t('faults.latencyTitle')}
        min={1}
        max={MAX_LATENCY_MS}
        step={50}
        value={hasLatency ? faults.latencyMs : ms || ''}
        disabled={isDisabled || hasLatency}
        onChange={(e) => setMs(Number(e.target.value))}
      />
      <span className="muted">{t('faults.ms')}</span>
      <button
        type="button"
        className="button--small"
        aria-label={
          hasLatency
            ? t('faults.removeLatencyOf', { member })
            : t('faults.addLatencyTo', { member })
        }
        title={blocked ?? undefined}
        disabled={isDisabled || (!hasLatency && !isValidMs)}
        onClick={() => props.onAction({ kind: 'latency', ms: hasLatency ? 0 : ms })}
      >
        {hasLatency ? t('faults.removeLatency') : t('faults.addLatency')}
      </button>
    </div>
  )
}
