import { z } from 'zod'
import { clusterNameSchema } from './cluster-schema'
import { MAX_CONTRACT_BYTES } from './limits'
import {
  importFileIdSchema,
  transferIdSchema,
  type ExportReport,
  type ImportFileView,
  type ImportPreview,
  type ImportReport,
} from './transfer'

/** A prefix in a request (bytes, as in the key browser's requests). */
const prefix = z
  .instanceof(Uint8Array)
  .refine((b) => b.length <= MAX_CONTRACT_BYTES, 'at most 64 MiB')

/** The import and export requests (part of the contract's requestSchemas). */
export const transferRequestSchemas = {
  /** Exports every key under `prefix` (empty: all) at one revision. */
  'transfer:export': z.strictObject({
    cluster: clusterNameSchema,
    transferId: transferIdSchema,
    prefix,
    withLeases: z.boolean().optional(),
    withRevisions: z.boolean().optional(),
  }),
  /** The app's open dialog for an import file (browser mode uploads instead). */
  'transfer:choose-import': z.strictObject({}),
  'transfer:preview': z.strictObject({
    cluster: clusterNameSchema,
    transferId: transferIdSchema,
    fileId: importFileIdSchema,
  }),
  'transfer:import': z.strictObject({
    cluster: clusterNameSchema,
    transferId: transferIdSchema,
    fileId: importFileIdSchema,
    existing: z.enum(['skip', 'overwrite', 'cas']),
    dryRun: z.boolean(),
    /** The preview's revision (compare-and-swap compares with it). */
    previewRevision: z.string().regex(/^\d{1,19}$/),
    attachLeases: z.boolean().optional(),
  }),
  'transfer:cancel': z.strictObject({ transferId: transferIdSchema }),
} as const

/** What each transfer request returns on success (part of the contract's ResponseMap). */
export interface TransferResponses {
  /** Null when the user cancelled the app's save dialog. */
  'transfer:export': ExportReport | null
  /** Null when the user cancelled the open dialog. */
  'transfer:choose-import': ImportFileView | null
  'transfer:preview': ImportPreview
  'transfer:import': ImportReport
  'transfer:cancel': null
}
