import { Trans, useTranslation } from '../../i18n'

/** The later of two revisions (decimal strings), or null when neither is known. */
export function newestRevision(a: string | null, b: string | null): string | null {
  if (a === null || b === null) return a ?? b
  return BigInt(a) >= BigInt(b) ? a : b
}

/** Says where the cluster's history begins, once it has been compacted. */
export function CompactionNote(props: { revision: string | null }) {
  const { t } = useTranslation('keys')
  if (props.revision === null) return null
  return (
    <p className="keys-panel__note muted" role="note">
      <Trans
        t={t}
        i18nKey="compaction.note"
        values={{ revision: props.revision }}
        components={{ strong: <strong /> }}
      />
    </p>
  )
}
