import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { ServerResponse } from 'node:http'
import { pipeline } from 'node:stream/promises'
import { snapshotIdSchema } from '../../shared/cluster-schema'
import { SNAPSHOTS_PATH } from '../../shared/ws-url'
import type { ClusterMaintenance } from '../engine/cluster-maintenance'
import { isEngineError } from '../errors/engine-error'
import { BASE_HEADERS } from './static-files'

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
  if (!id || !file) {
    res.writeHead(404, { ...BASE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' })
    res.end('etcd Desk: no such snapshot.\n')
    return
  }
  const { size } = await stat(file)
  res.writeHead(200, {
    ...BASE_HEADERS,
    'Content-Type': 'application/octet-stream',
    'Content-Length': String(size),
    'Content-Disposition': `attachment; filename="${id}"`,
    'Cache-Control': 'no-store',
  })
  if (isHead) {
    res.end()
    return
  }
  await pipeline(createReadStream(file), res)
}

function decodeId(raw: string): string | null {
  try {
    const id = decodeURIComponent(raw)
    return snapshotIdSchema.safeParse(id).success ? id : null
  } catch {
    // A malformed escape is no snapshot name.
    return null
  }
}

function notFound(error: unknown): null {
  if (isEngineError(error) && error.is('SNAPSHOT_NOT_FOUND')) return null
  throw error
}
