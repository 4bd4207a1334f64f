import { Trans, useTranslation } from '../../i18n'
import type { UpgradeChoices } from '../../../../shared/upgrade'
import { clusterLine } from './upgrade-texts'

/** The versions now, at the top of the Upgrade dialog: each member's, the cluster's, and auth. */
export function VersionsNow(props: { choices: UpgradeChoices }) {
  const { choices } = props
  const { t } = useTranslation('upgrade')
  return (
    <div className="versions-now">
      <table className="upgrade-swaps" aria-label={t('now.label')}>
        <thead>
          <tr>
            <th scope="col">{t('now.member')}</th>
            <th scope="col">{t('now.version')}</th>
          </tr>
        </thead>
        <tbody>
          {choices.members.map((m) => (
            <tr key={m.member}>
              <th scope="row">{m.member}</th>
              <td className="mono">{m.version}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p aria-label={t('now.clusterLabel')}>
        <Trans
          t={t}
          i18nKey="now.cluster"
          values={{
            line: choices.clusterVersion ? clusterLine(choices.clusterVersion) : t('now.notKnown'),
          }}
          components={{ strong: <strong /> }}
        />
        {choices.clusterVersion === null && <span className="muted">{t('now.startToRead')}</span>}
      </p>
      {choices.authEnabled !== false && (
        <p className="field__note">
          {choices.authEnabled ? t('now.authOn') : t('now.authUnknown')}
        </p>
      )}
    </div>
  )
}
