import { pageToken, type PageLocation } from '../ws-url'
import { CLUSTER_EXPORTS_PATH } from './export-types'

/** A download link to a cluster export archive written in browser mode: the page's token. */
export function clusterExportDownloadUrl(
  location: Pick<PageLocation, 'search' | 'hash'>,
  archive: string,
): string {
  return `${CLUSTER_EXPORTS_PATH}${encodeURIComponent(archive)}?token=${encodeURIComponent(pageToken(location))}`
}
