import { useTranslation } from '../../i18n'

/** The leader mark: a crown icon plus the word "leader", so it reads without colour or icon. */
export function LeaderMark(props: { isNew?: boolean }) {
  const { t } = useTranslation('member-status')
  return (
    <span className={`leader-mark${props.isNew ? ' is-new' : ''}`}>
      <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14">
        <path d="M2 12h12l1-8-4 3-3-5-3 5-4-3z" fill="currentColor" />
      </svg>
      {t('leader.leader')}
      {props.isNew && <span className="leader-mark__new">{t('leader.new')}</span>}
    </span>
  )
}
