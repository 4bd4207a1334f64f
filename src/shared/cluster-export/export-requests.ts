import { z } from 'zod'
import { clusterNameSchema } from '../cluster-schema'
import { exportHostsSchema, type ClusterExportResult, type ClusterExportView } from './export-types'

/** The cluster export's requests (part of the contract's requestSchemas). */
export const clusterExportRequestSchemas = {
  /** Every file of the export with its text (certificate files named only), nothing written. */
  'cluster:export-preview': z.strictObject({
    cluster: clusterNameSchema,
    hosts: exportHostsSchema.optional(),
  }),
  /** Writes the export: a folder the save dialog names (app) or a .tar.gz to download (browser). */
  'cluster:export-files': z.strictObject({
    cluster: clusterNameSchema,
    hosts: exportHostsSchema.optional(),
  }),
} as const

/** What each cluster export request returns on success (part of the contract's ResponseMap). */
export interface ClusterExportResponses {
  'cluster:export-preview': ClusterExportView
  /** Null when the user cancelled the app's save dialog. */
  'cluster:export-files': ClusterExportResult | null
}
