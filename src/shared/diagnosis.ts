import { z } from 'zod'
import { clusterNameSchema } from './cluster-schema'
import { pageToken, type PageLocation } from './ws-url'

/**
 * "Save diagnosis" (README "Diagnosis bundle"): one .tar.gz of a local cluster with what etcd's
 * maintainers ask for in a bug report — definition, versions, member list, status, alarms, a
 * metrics sample, member and engine logs, and the etcdctl commands that reproduce the checks.
 */

/** A diagnosis's handle, made by the window so it can match the progress pushes to its button. */
const diagnosisIdSchema = z.string().uuid()

/** The file name of a bundle in browser mode's diagnosis folder: nothing that leaves it. */
export const diagnosisFileNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,150}\.tar\.gz$/)
  .refine((name) => !name.includes('..'), 'no ".." in a file name')

/** Path of browser mode's bundle downloads (token-guarded like the API). */
export const DIAGNOSIS_PATH = '/diagnosis/'

/** A download link to a bundle written in browser mode: the page's token. */
export function diagnosisDownloadUrl(
  location: Pick<PageLocation, 'search' | 'hash'>,
  fileName: string,
): string {
  return `${DIAGNOSIS_PATH}${encodeURIComponent(fileName)}?token=${encodeURIComponent(pageToken(location))}`
}

/** One file of a bundle, as its manifest lists it. */
export interface DiagnosisFile {
  /** Path inside the bundle's folder ("logs/etcd1.log"). */
  path: string
  bytes: number
  /** What it holds, in one sentence. */
  about: string
}

/** What "Save diagnosis" answers. */
export interface DiagnosisReport {
  cluster: string
  /** The archive's name: the download name in browser mode, the chosen file's name in the app. */
  fileName: string
  /** Where it was saved (the app's save dialog); null in browser mode, which downloads it. */
  path: string | null
  bytes: number
  /** Every file inside, as manifest.json lists them. */
  files: DiagnosisFile[]
  /** What could not be collected and why ("metrics of etcd3: the member is stopped"). */
  notes: string[]
}

/** What a diagnosis collects at one step (the window words it in its language). */
export type DiagnosisStep =
  | 'definition'
  | 'status'
  | 'alarms'
  | 'versions'
  | 'metrics'
  | 'log'
  | 'engine-log'
  | 'commands'
  | 'archive'

/** How far a diagnosis got, pushed while it runs. */
export interface DiagnosisProgress {
  diagnosisId: string
  cluster: string
  /** What it collects now, and of which member (metrics, log), else null. */
  step: DiagnosisStep
  member: string | null
  /** Steps done before this one, of `total`. */
  done: number
  total: number
}

/** The diagnosis request (part of the contract's requestSchemas). */
export const diagnosisRequestSchemas = {
  /** Builds the bundle; the app asks where to save it, browser mode keeps it to download. */
  'cluster:diagnosis': z.strictObject({
    cluster: clusterNameSchema,
    diagnosisId: diagnosisIdSchema,
  }),
} as const

/** What the diagnosis request returns on success (part of the contract's ResponseMap). */
export interface DiagnosisResponses {
  /** Null when the user cancelled the app's save dialog. */
  'cluster:diagnosis': DiagnosisReport | null
}
