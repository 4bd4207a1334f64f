import type { ServerResponse } from 'node:http'
import { CLUSTER_EXPORTS_PATH } from '../../shared/cluster-export/export-types'
import type { ClusterExports } from '../exports/cluster-exports'
import { decodeSegment, sendAttachment, sendNotFound } from './attachment'

/** True for a request path of browser mode's cluster export downloads. */
export function isClusterExportPath(pathname: string): boolean {
  return pathname.startsWith(CLUSTER_EXPORTS_PATH)
}

/**
 * Serves a cluster export archive as a download. Security: the name must be an archive name the
 * engine makes (clusterExportArchiveSchema: no folder, no "..") and the file is sent as an
 * attachment of type application/gzip, never shown in the page's origin.
 */
export async function serveClusterExport(
  res: ServerResponse,
  exports: ClusterExports,
  pathname: string,
  isHead: boolean,
): Promise<void> {
  const name = decodeSegment(pathname.slice(CLUSTER_EXPORTS_PATH.length))
  const file = name ? await exports.archiveFile(name) : null
  if (!name || !file) {
    sendNotFound(res, 'cluster export')
    return
  }
  await sendAttachment(res, file, name, isHead, 'application/gzip')
}
