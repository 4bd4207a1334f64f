import { useTranslation } from '../../i18n'

/**
 * The warning every place shows for a connection with "Skip server verification": the server's
 * certificate is not checked, so anyone on the path can pose as the cluster.
 */
export function InsecureWarning() {
  const { t } = useTranslation('connections')
  return (
    <p className="banner banner--warn" role="alert">
      {t('insecure')}
    </p>
  )
}
