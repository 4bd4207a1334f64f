import { useTranslation } from '../../i18n'
import { leaseName } from './lease-texts'
import { useLeaseLink } from './lease-link'

/** A key's lease: "none", or its hex ID as a link that opens it in the Leases tab. */
export function LeaseValue(props: { lease: string }) {
  const open = useLeaseLink()
  const { t } = useTranslation('leases')
  if (props.lease === '0') return <>{t('value.none')}</>
  const name = leaseName(props.lease)
  if (!open) return <>{name}</>
  return (
    <button
      type="button"
      className="button--link mono"
      aria-label={t('value.open', { name })}
      onClick={() => open(props.lease)}
    >
      {name}
    </button>
  )
}
