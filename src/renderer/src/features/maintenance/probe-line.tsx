import { useTranslation } from '../../i18n'

/** What the write probe saw during an operation, in one sentence. */
export function ProbeLine(props: { probe: { ok: number; failed: number } | null }) {
  const { probe } = props
  const { t } = useTranslation('maintenance')
  if (!probe) return <p className="muted">{t('probe.none')}</p>
  return (
    <p className={probe.failed > 0 ? 'field__issue' : 'muted'} role="status">
      {t('probe.line', { ok: probe.ok, failed: probe.failed })}
    </p>
  )
}
