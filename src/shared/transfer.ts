import { z } from 'zod'

/**
 * Import and export of keys as JSON Lines (README "Import and export"). Line 1 is the header,
 * every further line one key: `{"key":"<base64>","value":"<base64>"}`, plus `lease` and the
 * revisions when asked. Keys and values are base64 of their exact bytes, so any key round-trips.
 */

/** The `format` field of a header line. */
export const EXPORT_FORMAT = 'etcd-desk-export'

/** The format version this engine writes and reads. */
export const EXPORT_FORMAT_VERSION = 1

/** The first line of an export file. */
export interface ExportHeader {
  format: typeof EXPORT_FORMAT
  version: number
  /** The cluster it was exported from. */
  cluster: string
  /** Every key was read at this one revision. */
  revision: string
  /** The exported prefix (base64; '' = every key). */
  prefix: string
  /** How many key lines follow. */
  count: number
  /** ISO time of the export. */
  exportedAt: string
}

/** One key line. */
export interface ExportLine {
  key: string
  value: string
  /** The key's lease when it had one and TTLs were asked for: its ID and the TTL left. */
  lease?: { id: string; ttl: number }
  createRevision?: string
  modRevision?: string
}

/** A running export, preview or import, as pushed to the window. */
export interface TransferProgress {
  transferId: string
  cluster: string
  kind: 'export' | 'preview' | 'import'
  /** Keys done so far. */
  done: number
  /** Keys in all, when known (an export counts first; an import file's header says). */
  total: number | null
}

/** What an export wrote. */
export interface ExportReport {
  cluster: string
  revision: string
  keys: number
  bytes: number
  /** The file's name: the download name in browser mode, the chosen file's name in the app. */
  fileName: string
  /** Where it was saved (the app's save dialog); null in browser mode, which downloads it. */
  path: string | null
}

/** An import file the engine accepted (opened in the app, uploaded in browser mode). */
export interface ImportFileView {
  /** The engine's handle on the file; the window never names a path. */
  fileId: string
  name: string
  bytes: number
  header: ExportHeader
}

/** What an import would do to the keys of a cluster, counted at one revision. */
export interface ImportPreview {
  fileId: string
  cluster: string
  /** The revision the counts were read at; a compare-and-swap import compares with it. */
  revision: string
  total: number
  /** Keys the cluster does not hold. */
  created: number
  /** Keys it holds with another value. */
  changed: number
  /** Keys it holds with the same bytes. */
  unchanged: number
  /** Key lines that carry a lease TTL. */
  withLease: number
}

/** What to do with keys the cluster already holds with another value. */
export type ExistingKeys = 'skip' | 'overwrite' | 'cas'

/** What an import did (or, in a dry run, would do). */
export interface ImportReport {
  cluster: string
  dryRun: boolean
  existing: ExistingKeys
  total: number
  created: number
  updated: number
  unchanged: number
  /** Changed keys left as they are ('skip'). */
  skipped: number
  /** Keys that changed after the preview ('cas'), or appeared meanwhile ('skip'): not written. */
  conflicts: number
  /** New leases granted for the file's lease TTLs. */
  leasesGranted: number
}

/** A transfer's handle, made by the window so it can cancel before the answer arrives. */
export const transferIdSchema = z.string().uuid()

/** An import file's handle, made by the engine. */
export const importFileIdSchema = z.string().uuid()

/** The file name of an export in browser mode's exports folder: nothing that leaves it. */
export const exportFileNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,150}\.jsonl$/)
  .refine((name) => !name.includes('..'), 'no ".." in a file name')

/** Path of browser mode's export downloads (token-guarded like the API). */
export const EXPORTS_PATH = '/exports/'

/** Path browser mode takes import uploads on (POST, token-guarded like the API). */
export const IMPORTS_PATH = '/imports'

/**
 * Largest import file browser mode accepts as an upload. Why 4 GiB: a million keys with 1 KiB
 * values are ~1.4 GB of JSON Lines; the bound keeps a runaway upload from filling the disk.
 */
export const MAX_IMPORT_UPLOAD_BYTES = 4 * 1024 * 1024 * 1024
