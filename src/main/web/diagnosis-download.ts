import type { ServerResponse } from 'node:http'
import { DIAGNOSIS_PATH } from '../../shared/diagnosis'
import type { DiagnosisFiles } from '../diagnosis/diagnosis-files'
import { decodeSegment, sendAttachment, sendNotFound } from './attachment'

/** True for a request path of browser mode's diagnosis downloads. */
export function isDiagnosisPath(pathname: string): boolean {
  return pathname.startsWith(DIAGNOSIS_PATH)
}

/**
 * Serves a diagnosis bundle written in browser mode as a download. Security: the name must be a
 * bundle file name (diagnosisFileNameSchema: no folder, no "..") inside the diagnosis folder.
 */
export async function serveDiagnosis(
  res: ServerResponse,
  files: DiagnosisFiles,
  pathname: string,
  isHead: boolean,
): Promise<void> {
  const name = decodeSegment(pathname.slice(DIAGNOSIS_PATH.length))
  const file = name ? await files.existing(name) : null
  if (!name || !file) return sendNotFound(res, 'diagnosis bundle')
  await sendAttachment(res, file, name, isHead)
}
