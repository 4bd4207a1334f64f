import { useTranslation } from '../../i18n'
import type { KeyEntry } from '../../../../shared/keys'
import { formatBytes } from '../shared/bytes'
import { LeaseValue } from '../leases/lease-value'

/** A key's revisions, version, lease (hex, as etcdctl prints it) and value size. */
export function KeyMetadata(props: { entry: KeyEntry }) {
  const { entry } = props
  const { t } = useTranslation('keys')
  const size = entry.value?.length ?? entry.valueSize
  return (
    <dl className="key-meta">
      <dt>{t('meta.create')}</dt>
      <dd>{entry.createRevision}</dd>
      <dt>{t('meta.mod')}</dt>
      <dd>{entry.modRevision}</dd>
      <dt>{t('meta.version')}</dt>
      <dd>{entry.version}</dd>
      <dt>{t('meta.lease')}</dt>
      <dd>
        <LeaseValue lease={entry.lease} />
      </dd>
      <dt>{t('meta.size')}</dt>
      <dd>{size === null ? '—' : formatBytes(size)}</dd>
    </dl>
  )
}
