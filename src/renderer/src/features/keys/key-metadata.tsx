import type { KeyEntry } from '../../../../shared/keys'
import { formatBytes } from '../shared/bytes'
import { LeaseValue } from '../leases/lease-value'

/** A key's revisions, version, lease (hex, as etcdctl prints it) and value size. */
export function KeyMetadata(props: { entry: KeyEntry }) {
  const { entry } = props
  const size = entry.value?.length ?? entry.valueSize
  return (
    <dl className="key-meta">
      <dt>Create revision</dt>
      <dd>{entry.createRevision}</dd>
      <dt>Mod revision</dt>
      <dd>{entry.modRevision}</dd>
      <dt>Version</dt>
      <dd>{entry.version}</dd>
      <dt>Lease</dt>
      <dd>
        <LeaseValue lease={entry.lease} />
      </dd>
      <dt>Size</dt>
      <dd>{size === null ? '—' : formatBytes(size)}</dd>
    </dl>
  )
}
