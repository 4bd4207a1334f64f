import { useTranslation } from '../../i18n'
import type { VersionOption } from './etcd-version-options'

/**
 * One member's own etcd version in the ports table (mixed versions): an exact release, or empty
 * for the cluster's version.
 */
export function MemberVersionSelect(props: {
  label: string
  value: string | undefined
  options: readonly VersionOption[]
  onChange: (version: string | null) => void
}) {
  const { value, options } = props
  const { t } = useTranslation('create-cluster')
  // A version no longer offered (the list reloaded) still shows, so the select never lies.
  const isListed = value === undefined || options.some((o) => o.value === value)
  return (
    <td>
      <select
        aria-label={t('version.memberVersion', { member: props.label })}
        value={value ?? ''}
        onChange={(e) => props.onChange(e.target.value === '' ? null : e.target.value)}
      >
        <option value="">{t('version.sameAsCluster')}</option>
        {!isListed && (
          <option value={value}>{t('version.release', { version: value, notes: '' })}</option>
        )}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.kind === 'downloadable' ? t('version.download', { label: o.label }) : o.label}
          </option>
        ))}
      </select>
    </td>
  )
}
