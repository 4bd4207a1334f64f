import type { Result } from '../../shared/result'
import type { ImportFileView } from '../../shared/transfer'
import { exportDownloadUrl, importUploadUrl } from '../../shared/transfer-urls'
import { clusterExportDownloadUrl } from '../../shared/cluster-export/export-urls'
import { diagnosisDownloadUrl } from '../../shared/diagnosis'
import type { TransferLinks } from './features/transfer/transfer-links'

/**
 * Browser mode's way to move import/export files: a token-guarded download link for exports, and
 * a POST of the chosen file (streamed by the browser, bounded by the server) for imports.
 */
export function browserTransferLinks(location: Location): TransferLinks {
  return {
    exportHref: (fileName) => exportDownloadUrl(location, fileName),
    clusterExportHref: (archive) => clusterExportDownloadUrl(location, archive),
    diagnosisHref: (fileName) => diagnosisDownloadUrl(location, fileName),
    upload: async (file) => {
      try {
        const response = await fetch(importUploadUrl(location, file.name), {
          method: 'POST',
          headers: { 'Content-Type': 'application/octet-stream' },
          body: file,
        })
        return (await response.json()) as Result<ImportFileView>
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error)
        return { ok: false, error: { code: 'DISCONNECTED', message } }
      }
    },
  }
}
