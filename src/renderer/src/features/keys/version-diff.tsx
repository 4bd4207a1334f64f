import { useTranslation } from '../../i18n'
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
  const { t } = useTranslation('keys')
  const name = (v: KeyVersion) => t('diff.name', { version: v.version, revision: v.modRevision })
  const sizes = t('diff.sizes', {
    older: name(older),
    olderSize: formatBytes(older.value.length),
    newer: name(newer),
    newerSize: formatBytes(newer.value.length),
  })
  return (
    <section className="version-diff" aria-label={t('diff.label')}>
      <h3 className="version-diff__title">
        {t('diff.title', { older: name(older), newer: name(newer) })}
      </h3>
      {diff.kind === 'same' && (
        <p className="muted">{t('diff.same', { size: formatBytes(older.value.length) })}</p>
      )}
      {diff.kind === 'too-large' && (
        <p className="muted">
          {t(`diff.${diff.reason}`)} {sizes}
        </p>
      )}
      {diff.kind === 'binary' && (
        <>
          <p className="muted">{t('diff.binary', { sizes })}</p>
          <pre
            className="value-body__text value-body__text--hex"
            aria-label={t('diff.hexOf', { name: name(older) })}
          >
            {diff.olderHex}
          </pre>
          <pre
            className="value-body__text value-body__text--hex"
            aria-label={t('diff.hexOf', { name: name(newer) })}
          >
            {diff.newerHex}
          </pre>
        </>
      )}
      {(diff.kind === 'json' || diff.kind === 'text') && (
        <>
          <p className="muted">
            {t('diff.counts', {
              what: diff.kind === 'json' ? t('diff.json') : t('diff.text'),
              count: diff.added,
              removed: diff.removed,
            })}
          </p>
          <pre className="version-diff__lines" aria-label={t('diff.differences')}>
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
              {t('diff.showing', { shown: MAX_DIFF_LINES, total: diff.lines.length })}
            </p>
          )}
        </>
      )}
    </section>
  )
}
