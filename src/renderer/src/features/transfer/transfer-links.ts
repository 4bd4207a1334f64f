import { createContext, useContext } from 'react'
import type { Result } from '../../../../shared/result'
import type { ImportFileView } from '../../../../shared/transfer'

/** How browser mode gets files in and out: downloads of exports, uploads of import files. */
export interface TransferLinks {
  /** A download link to an export the engine wrote (by its file name). */
  exportHref: (fileName: string) => string
  /** A download link to a cluster export archive ("Export to other machines"), by its name. */
  clusterExportHref?: (archive: string) => string
  /** A download link to a diagnosis bundle ("Save diagnosis"), by its file name. */
  diagnosisHref?: (fileName: string) => string
  /** Uploads an import file; answers the engine's handle on it. */
  upload: (file: File) => Promise<Result<ImportFileView>>
}

/**
 * Null where the engine shows save and open dialogs instead (Electron). The app wires it from
 * its transport, so the Import/Export tab never learns which one it runs on.
 */
const TransferLinksContext = createContext<TransferLinks | null>(null)

/** Provides browser mode's download links and upload (or null). */
export const TransferLinksProvider = TransferLinksContext.Provider

/** Browser mode's links and upload, or null where the engine's dialogs are used. */
export function useTransferLinks(): TransferLinks | null {
  return useContext(TransferLinksContext)
}
