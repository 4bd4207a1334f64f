import type { ServerResponse } from 'node:http'
import { snapshotIdSchema } from '../../shared/cluster-schema'
import { SNAPSHOTS_PATH } from '../../shared/ws-url'
import type { ClusterMaintenance } from '../engine/cluster-maintenance'
import { isEngineError } from '../errors/engine-error'
import { decodeSegment, sendAttachment, sendNotFound } from './attachment'

/** True for a request path of browser mode's snapshot downloads. */
export function isSnapshotPath(pathname: string): boolean {
  return pathname.startsWith(SNAPSHOTS_PATH)
}

/**
 * Serves a saved snapshot as a download (browser mode's "Download"). Security: the id must be a
 * snapshot name (snapshotIdSchema: no folder, no "..") and the file is sent as an attachment of
 * type octet-stream, never shown in the page's origin.
 */
export async function serveSnapshot(
  res: ServerResponse,
  maintenance: ClusterMaintenance,
  pathname: string,
  isHead: boolean,
): Promise<void> {
  const id = decodeId(pathname.slice(SNAPSHOTS_PATH.length))
  const file = id ? await maintenance.snapshotFile(id).catch(notFound) : null
  if (!id || !file) return sendNotFound(res, 'snapshot')
  await sendAttachment(res, file, id, isHead)
}

function decodeId(raw: string): string | null {
  const id = decodeSegment(raw)
  return id !== null && snapshotIdSchema.safeParse(id).success ? id : null
}

function notFound(error: unknown): null {
  if (isEngineError(error) && error.is('SNAPSHOT_NOT_FOUND')) return null
  throw error
}
