import { useMemo } from 'react'
import type { KeyVersion } from '../../../../shared/key-history'
import { formatBytes } from '../shared/bytes'
import { diffValues, type DiffLine } from './value-diff'

/** Most diff lines put on screen. */
const MAX_DIFF_LINES = 5_000

const PREFIX: Record<DiffLine['type'], string> = {
  added: '+ ',
  removed: '- ',
  same: '  ',
  fold: '  ',
}

/** The difference between two versions of a key: JSON-aware, line by line, or hex for binary. */
export function VersionDiff(props: { older: KeyVersion; newer: KeyVersion }) {
  const { older, newer } = props
  const diff = useMemo(() => diffValues(older.value, newer.value), [older, newer])
  const name = (v: KeyVersion) => `version ${v.version} (revision ${v.modRevision})`
  const sizes = `${name(older)}: ${formatBytes(older.value.length)}; ${name(newer)}: ${formatBytes(newer.value.length)}.`
  return (
    <section className="version-diff" aria-label="Comparison">
      <h3 className="version-diff__title">
        From {name(older)} to {name(newer)}
      </h3>
      {diff.kind === 'same' && (
        <p className="muted">
          Both versions hold the same value ({formatBytes(older.value.length)}).
        </p>
      )}
      {diff.kind === 'too-large' && (
        <p className="muted">
          {diff.reason} {sizes}
        </p>
      )}
      {diff.kind === 'binary' && (
        <>
          <p className="muted">
            Binary values: compared by size and hex (the first 256 bytes of each). {sizes}
          </p>
          <pre
            className="value-body__text value-body__text--hex"
            aria-label={`Hex of ${name(older)}`}
          >
            {diff.olderHex}
          </pre>
          <pre
            className="value-body__text value-body__text--hex"
            aria-label={`Hex of ${name(newer)}`}
          >
            {diff.newerHex}
          </pre>
        </>
      )}
      {(diff.kind === 'json' || diff.kind === 'text') && (
        <>
          <p className="muted">
            {diff.kind === 'json'
              ? 'JSON diff (both values parse as JSON; keys sorted, so their order does not count)'
              : 'Text diff'}
            : {diff.added} line{diff.added === 1 ? '' : 's'} added, {diff.removed} removed.
          </p>
          <pre className="version-diff__lines" aria-label="Differences">
            {diff.lines.slice(0, MAX_DIFF_LINES).map((line, i) => (
              <span key={i} className={`version-diff__line version-diff__line--${line.type}`}>
                {PREFIX[line.type]}
                {line.text}
                {'\n'}
              </span>
            ))}
          </pre>
          {diff.lines.length > MAX_DIFF_LINES && (
            <p className="value-body__note">
              Showing the first {MAX_DIFF_LINES} of {diff.lines.length} lines.
            </p>
          )}
        </>
      )}
    </section>
  )
}
