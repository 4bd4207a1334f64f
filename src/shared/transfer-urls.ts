import { EXPORTS_PATH, IMPORTS_PATH } from './transfer'
import { pageToken, type PageLocation } from './ws-url'

/** A download link to an export written in browser mode: the page's token. */
export function exportDownloadUrl(
  location: Pick<PageLocation, 'search' | 'hash'>,
  fileName: string,
): string {
  return `${EXPORTS_PATH}${encodeURIComponent(fileName)}?token=${encodeURIComponent(pageToken(location))}`
}

/** Where browser mode takes an import file's upload (POST): the page's token, the shown name. */
export function importUploadUrl(
  location: Pick<PageLocation, 'search' | 'hash'>,
  fileName: string,
): string {
  const token = encodeURIComponent(pageToken(location))
  return `${IMPORTS_PATH}?token=${token}&name=${encodeURIComponent(fileName)}`
}
