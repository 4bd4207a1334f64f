import type { TFunction } from 'i18next'
import { useTranslation } from '../../i18n'
import { isEndOfLife, lineOf } from '../../../../shared/etcd-lines'
import type { UpgradeChoices, VersionChangePlan } from '../../../../shared/upgrade'
import { hopsWords, listWords } from './upgrade-texts'
import { distinctVersions, lowestLine, toDownload } from './version-facts'

/** What a plan does to the cluster, in one or two sentences. */
function planSummary(plan: VersionChangePlan, from: string[], t: TFunction<'upgrade'>): string {
  const fromLine = lowestLine(from) ?? '?'
  const toLine = lineOf(plan.target) ?? plan.target
  const hops =
    plan.hops.length > 1
      ? t('plan.hops', { count: plan.hops.length, hops: hopsWords(plan.hops) })
      : ''
  switch (plan.kind) {
    case 'patch':
      return t('plan.patch', { to: toLine })
    case 'upgrade':
      return t('plan.upgrade', { from: fromLine, to: toLine, hops })
    case 'downgrade':
      return plan.downgrade === 'next-cluster-version-compatible'
        ? t('plan.downgradeCompatible', { to: toLine, target: plan.target })
        : t('plan.downgradeApi', { from: fromLine, to: toLine })
    case 'rollback':
      return t('plan.rollback', { target: plan.target })
  }
}

/**
 * The plan of an offered version: its kind (patch, upgrade, downgrade, roll back) and method,
 * the downloads it needs, the snapshot taken first, and the order (followers first, the leader
 * last, one member at a time).
 */
export function UpgradePlanNote(props: { choices: UpgradeChoices; plan: VersionChangePlan }) {
  const { choices, plan } = props
  const from = distinctVersions(choices.members.map((m) => m.version))
  const downloads = toDownload(choices, plan.hops)
  const { t } = useTranslation('upgrade')
  return (
    <section className="upgrade-plan" aria-label={t('plan.label')}>
      <p>
        <strong>
          {listWords(from)} → {plan.target}.
        </strong>{' '}
        {planSummary(plan, from, t)}
      </p>
      <ol className="upgrade-plan__steps">
        {downloads.length > 0 && (
          <li>{t('plan.download', { count: downloads.length, versions: listWords(downloads) })}</li>
        )}
        <li>{t('plan.snapshot')}</li>
        <li>{t('plan.order')}</li>
        <li>{t('plan.probe')}</li>
      </ol>
      {isEndOfLife(plan.target) && (
        <p className="field__note">{t('plan.eol', { line: lineOf(plan.target) })}</p>
      )}
    </section>
  )
}
