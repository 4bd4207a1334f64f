import { isEndOfLife } from '../../../../shared/etcd-lines'
import { i18n } from '../../i18n'

/**
 * " (end of life)" after a version of a line etcd no longer supports (3.4 ended at 3.4.45), else
 * "": every list of etcd versions in the window says so (create dialog, Settings).
 */
export function endOfLifeNote(version: string): string {
  return isEndOfLife(version) ? i18n.t('create-cluster:version.endOfLife') : ''
}
