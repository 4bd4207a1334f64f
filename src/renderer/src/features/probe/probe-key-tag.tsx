import { PROBE_PREFIX } from '../../../../shared/probe'
import { encodeText, startsWithBytes } from '../shared/bytes'

const PROBE_PREFIX_BYTES = encodeText(PROBE_PREFIX)

/** What the tag says to a pointer's hover: where these keys come from and where they go. */
const TAG_HINT =
  'Written by the write probe (Members tab) with a lease: these keys vanish when it stops.'

/** True for the write probe's keys and folders (under PROBE_PREFIX). */
export function isProbeKey(key: Uint8Array): boolean {
  return startsWithBytes(key, PROBE_PREFIX_BYTES)
}

/**
 * The visible "etcd Desk write probe" tag, a note with that accessible name; it sits beside a
 * key row's button in a row with the class `has-probe-tag` (styles/probe.css).
 */
export function ProbeKeyTag() {
  return (
    <span
      className="tag tag--probe"
      role="note"
      aria-label="etcd Desk write probe"
      title={TAG_HINT}
    >
      etcd Desk write probe
    </span>
  )
}
