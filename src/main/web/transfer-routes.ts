import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Result } from '../../shared/result'
import { EXPORTS_PATH, MAX_IMPORT_UPLOAD_BYTES, type ImportFileView } from '../../shared/transfer'
import type { ClusterTransfers } from '../engine/cluster-transfers'
import { EngineError, toResult } from '../errors/engine-error'
import { decodeSegment, sendAttachment, sendNotFound } from './attachment'
import { BASE_HEADERS } from './static-files'

/** Longest upload name kept (it is only shown). */
const MAX_NAME_CHARS = 200

/** True for a request path of browser mode's export downloads. */
export function isExportPath(pathname: string): boolean {
  return pathname.startsWith(EXPORTS_PATH)
}

/**
 * Serves an export written into the data directory as a download. Security: the name must be an
 * export file name (exportFileNameSchema: no folder, no "..") and the file is sent as an
 * attachment of type octet-stream, never shown in the page's origin.
 */
export async function serveExport(
  res: ServerResponse,
  transfers: ClusterTransfers,
  pathname: string,
  isHead: boolean,
): Promise<void> {
  const name = decodeSegment(pathname.slice(EXPORTS_PATH.length))
  const file = name ? await transfers.files.exportFile(name) : null
  if (!name || !file) return sendNotFound(res, 'export')
  await sendAttachment(res, file, name, isHead)
}

/**
 * Takes browser mode's upload of an import file (POST, the raw file as the body) and answers the
 * file's handle as a JSON Result. Security: the engine names the file it writes (a UUID in the
 * imports folder); the `name` query parameter is only shown; more than MAX_IMPORT_UPLOAD_BYTES
 * is refused (by Content-Length first, then while streaming).
 */
export async function receiveImport(
  req: IncomingMessage,
  res: ServerResponse,
  transfers: ClusterTransfers,
  url: URL,
): Promise<void> {
  const name = shownName(url.searchParams.get('name'))
  const declared = Number(req.headers['content-length'] ?? 0)
  const result: Result<ImportFileView> = await toResult(async () => {
    if (declared > MAX_IMPORT_UPLOAD_BYTES) {
      throw new EngineError(
        'IMPORT_FILE_INVALID',
        `${name} is larger than ${MAX_IMPORT_UPLOAD_BYTES} bytes, the most browser mode accepts.`,
        { file: name, line: 0, reason: 'too large' },
      )
    }
    return transfers.receiveUpload(req, name)
  })
  // Whatever is left of a refused body is not read: close the connection after answering.
  const headers = result.ok ? {} : { Connection: 'close' }
  res.writeHead(result.ok ? 200 : 400, {
    ...BASE_HEADERS,
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  })
  res.end(JSON.stringify(result))
}

function shownName(raw: string | null): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  const name = (raw ?? '').replace(/[\u0000-\u001f\u007f]/g, '').slice(0, MAX_NAME_CHARS)
  return name === '' ? 'upload.jsonl' : name
}
