import { z } from 'zod'
import type { EngineWords } from '../engine-words/engine-words'

/** The formats of a cluster export ("Export to other machines"), one tab each in the dialog. */
type ExportFormat = 'bash' | 'powershell' | 'procfile' | 'compose' | 'systemd'

/** What a file of an export is for: a format's file, the README, or a copied certificate file. */
export type ExportFileKind = ExportFormat | 'readme' | 'tls'

/** One file of a cluster export as the window previews it. */
export interface ExportFileView {
  /** Its path inside the export folder, with '/' ("systemd/etcd1.env"). */
  path: string
  kind: ExportFileKind
  /** Its text; null for a copied certificate or key (keys never cross to the window). */
  text: string | null
  /** True for scripts written with the executable bit. */
  isExecutable: boolean
}

/** Everything a cluster export holds, previewed before it is written. */
export interface ClusterExportView {
  cluster: string
  /** The cluster's etcd version (the compose file's image tag). */
  version: string
  hasTls: boolean
  /** The host each member's systemd env file names (the cluster's host unless given). */
  hosts: Record<string, string>
  files: ExportFileView[]
  /** What differs from the running cluster (a fresh cluster, no proxies, no discovery …), in English. */
  notes: string[]
  /** The same notes for the window to show in its language (one per note). */
  noteWords: EngineWords[]
}

/** Where an export went: a folder (the app's save dialog) or an archive to download (browser). */
export interface ClusterExportResult {
  cluster: string
  /** The folder written, in the desktop app; null in browser mode. */
  folder: string | null
  /** Browser mode: the .tar.gz to download by name (served at CLUSTER_EXPORTS_PATH); else null. */
  archive: string | null
  files: number
}

/**
 * A host a member runs on in the systemd units: an IPv4 literal or a DNS name (RFC 1123 labels).
 * No IPv6 literal: it would need brackets in every URL.
 */
const exportHostSchema = z
  .string()
  .max(253)
  .regex(
    /^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}|(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)$/,
    'an IPv4 address or a host name',
  )

/** Per member name, the host its systemd unit runs on. */
export const exportHostsSchema = z.record(z.string().max(40), exportHostSchema)

/** Name of a browser-mode export archive: nothing that could leave its folder. */
export const clusterExportArchiveSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,60}-etcd-export-\d{8}T\d{6}Z\.tar\.gz$/)

/** Path prefix of browser mode's export archive downloads (token-guarded like the API). */
export const CLUSTER_EXPORTS_PATH = '/cluster-exports/'

/** True when `host` is an IPv4 literal (etcd binds listen URLs only to IP addresses). */
export function isIpv4Literal(host: string): boolean {
  return /^\d{1,3}(?:\.\d{1,3}){3}$/.test(host)
}
