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
  // A version no longer offered (the list reloaded) still shows, so the select never lies.
  const isListed = value === undefined || options.some((o) => o.value === value)
  return (
    <td>
      <select
        aria-label={`etcd version of ${props.label}`}
        value={value ?? ''}
        onChange={(e) => props.onChange(e.target.value === '' ? null : e.target.value)}
      >
        <option value="">Same as cluster</option>
        {!isListed && <option value={value}>etcd {value}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.kind === 'downloadable' ? `${o.label} (download)` : o.label}
          </option>
        ))}
      </select>
    </td>
  )
}
