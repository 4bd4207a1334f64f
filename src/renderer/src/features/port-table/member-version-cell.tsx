import { useTranslation } from '../../i18n'
import type { MemberView } from '../../../../shared/cluster'

/**
 * A member's etcd version in the port table: the version etcd Desk runs it with, confirmed by
 * the version the server itself reports, or that reported version beside it when they differ
 * (a member being swapped to another binary, or one that did not restart yet).
 */
export function MemberVersionCell(props: { member: MemberView; reported: string | null }) {
  const { member, reported } = props
  const { t } = useTranslation('port-table')
  const isConfirmed = reported !== null && reported === member.etcdVersion
  return (
    <td className="member-version">
      <span className="mono">{member.etcdVersion}</span>
      {isConfirmed && (
        <span
          className="member-version__ok"
          title={t('version.reportsToo', { member: member.name, version: reported })}
        >
          <span aria-hidden="true"> ✓</span>
          <span className="sr-only">{t('version.confirmed')}</span>
        </span>
      )}
      {reported !== null && !isConfirmed && (
        <div className="member-version__server">
          {t('version.serverReports', { version: reported })}
        </div>
      )}
    </td>
  )
}
