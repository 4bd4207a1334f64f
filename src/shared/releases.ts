import { z } from 'zod'
import { VERSION_PATTERN } from './cluster-rules'

/** Where a release list came from: the GitHub API now, its cached copy, or the list shipped with the app. */
export type ReleaseListOrigin = 'github' | 'cache' | 'bundled'

/** One etcd release that can be installed. */
interface ReleaseEntry {
  kind: 'release'
  /** Without the leading "v", e.g. "3.5.17". */
  version: string
  isPrerelease: boolean
  /** ISO date of publication, when known. */
  publishedAt: string | null
  isInstalled: boolean
  /** False when this release has no archive for this computer's OS and CPU. */
  isAvailable: boolean
}

/** The etcd found on PATH (or configured by the user), shown as its own entry. */
export interface SystemEtcdEntry {
  kind: 'system'
  version: string
  path: string
}

/** The releases the user can pick from, newest first, with the system etcd when there is one. */
export interface ReleaseList {
  origin: ReleaseListOrigin
  /** When the list was fetched from GitHub (also for a cached copy); null for the shipped list. */
  fetchedAt: string | null
  releases: ReleaseEntry[]
  system: SystemEtcdEntry | null
}

/** The steps of an install, in order. */
export type InstallPhase = 'downloading' | 'verifying' | 'extracting' | 'checking' | 'installed'

/** A progress event of one install, throttled for the window. */
export interface InstallProgress {
  version: string
  phase: InstallPhase
  /** Bytes of the archive received so far. */
  bytes: number
  /** Size of the archive, when the server said. */
  total: number | null
  bytesPerSecond: number
  /** Seconds left at the current speed, when the total is known. */
  etaSeconds: number | null
  /** The URL being downloaded, or null outside the download. */
  url: string | null
}

/** Where an installed release came from: a download URL, or a local archive the user imported. */
export interface InstalledRelease {
  version: string
  /** Folder holding etcd, etcdctl (and etcdutl). */
  dir: string
  sizeBytes: number
  /** The archive URL, "import" for a local archive, "unknown" for a folder without a record. */
  source: string
  /** True when the archive matched a SHA256SUMS; false only for an import the user confirmed. */
  isVerified: boolean
  /** ISO date of the install, when recorded. */
  installedAt: string | null
}

/** A release version as a request argument, e.g. "3.5.17" (no "v", no "system"). */
export const releaseVersionSchema = z.string().regex(VERSION_PATTERN)

/** Request to list releases. */
export const listReleasesRequestSchema = z.strictObject({
  includePrereleases: z.boolean().default(false),
  refresh: z.boolean().default(false),
})

/** A local file path from the user's file picker; a NUL byte would cut it short in a syscall. */
const localPathSchema = z
  .string()
  .min(1)
  .max(4096)
  .refine((path) => !path.includes('\0'), 'A path cannot contain a NUL byte.')

/** Request to import a local archive. */
export const importArchiveRequestSchema = z.strictObject({
  path: localPathSchema,
  sha256sumsPath: localPathSchema.optional(),
  allowUnverified: z.boolean().default(false),
})
