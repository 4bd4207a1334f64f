import { useTranslation } from '../../i18n'
import { useId } from 'react'
import type { KeyVersion } from '../../../../shared/key-history'
import { formatBytes, leaseToHex } from '../shared/bytes'

/** The two versions compared, by mod revision. */
export interface Comparison {
  from: string
  to: string
}

/**
 * A key's versions, newest first: revision, "time unknown" (etcd stores none), size and lease;
 * two radio columns choose the versions to compare, and every older version can be restored.
 */
export function HistoryTable(props: {
  versions: KeyVersion[]
  comparison: Comparison | null
  onCompare: (comparison: Comparison) => void
  onRestore: (version: KeyVersion) => void
  isRestoreDisabled: boolean
}) {
  const { versions, comparison } = props
  const newest = versions[0]
  const group = useId()
  const { t } = useTranslation('keys')
  return (
    <table className="history-table" aria-label={t('historyTable.label')}>
      <thead>
        <tr>
          <th scope="col">{t('historyTable.version')}</th>
          <th scope="col">{t('historyTable.mod')}</th>
          <th scope="col">{t('historyTable.time')}</th>
          <th scope="col">{t('historyTable.size')}</th>
          <th scope="col">{t('historyTable.lease')}</th>
          <th scope="col">{t('historyTable.from')}</th>
          <th scope="col">{t('historyTable.to')}</th>
          <th scope="col">
            <span className="sr-only">{t('historyTable.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {versions.map((v) => {
          const name = t('historyTable.name', { version: v.version, revision: v.modRevision })
          const isCurrent = v === newest
          return (
            <tr key={v.modRevision} aria-label={t('historyTable.row', { version: v.version })}>
              <th scope="row">
                {v.version}
                {isCurrent && (
                  <span className="history-table__current">{t('historyTable.current')}</span>
                )}
              </th>
              <td className="mono">{v.modRevision}</td>
              <td className="muted">{t('historyTable.unknown')}</td>
              <td>{formatBytes(v.value.length)}</td>
              <td className="mono">
                {v.lease === '0' ? t('historyTable.none') : leaseToHex(v.lease)}
              </td>
              <td>
                <input
                  type="radio"
                  name={`${group}-from`}
                  aria-label={t('historyTable.compareFrom', { name })}
                  checked={comparison?.from === v.modRevision}
                  onChange={() =>
                    props.onCompare({ from: v.modRevision, to: comparison?.to ?? v.modRevision })
                  }
                />
              </td>
              <td>
                <input
                  type="radio"
                  name={`${group}-to`}
                  aria-label={t('historyTable.compareTo', { name })}
                  checked={comparison?.to === v.modRevision}
                  onChange={() =>
                    props.onCompare({ from: comparison?.from ?? v.modRevision, to: v.modRevision })
                  }
                />
              </td>
              <td>
                {!isCurrent && (
                  <button
                    type="button"
                    className="button--small"
                    aria-label={t('historyTable.restoreLabel', { name })}
                    disabled={props.isRestoreDisabled}
                    onClick={() => props.onRestore(v)}
                  >
                    {t('historyTable.restore')}
                  </button>
                )}
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
