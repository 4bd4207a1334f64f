import { execFile } from 'node:child_process'
import { rm, stat } from 'node:fs/promises'
import { promisify } from 'node:util'
import {
  restoreTool,
  snapshotRestoreArgs,
  usesEtcdutl,
  type RestoreTarget,
} from '../../shared/maintenance-commands'
import { shellCommand } from '../../shared/shell-words'
import { EngineError } from '../errors/engine-error'
import type { EtcdBinary } from '../etcd/etcd-binary'
import { errnoOf } from '../releases/fs-errors'

const execFileAsync = promisify(execFile)

/**
 * Why 2 min: a restore rewrites the database once and creates the WAL (~100 MB preallocated);
 * seconds for any snapshot a local cluster holds. A tool still busy after that is stuck.
 */
const RESTORE_TIMEOUT_MS = 120_000

/** What etcdctl/etcdutl print when the file is not a usable snapshot. */
const INVALID_SNAPSHOT_OUTPUT = /sha256|hash|invalid database|not a valid|unexpected EOF|magic/i

/** The tool a version restores with: etcdctl on 3.4, etcdutl from 3.5 (etcdctl's is deprecated there). */
export function restoreToolOf(binary: EtcdBinary): string {
  if (usesEtcdutl(binary.version) && !binary.etcdutl) {
    throw new EngineError(
      'ETCD_NOT_FOUND',
      `etcd ${binary.version} restores snapshots with etcdutl, and there is none next to ${binary.etcd}.`,
      { path: binary.etcd, version: binary.version },
    )
  }
  return restoreTool(binary.version, binary.etcdctl, binary.etcdutl)
}

/** Refuses a restore into a member data dir that exists (etcd 3.4 refuses it, 3.5 if not empty). */
export async function assertRestoreTarget(dataDir: string): Promise<void> {
  try {
    await stat(dataDir)
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return
    throw error
  }
  throw new EngineError(
    'RESTORE_TARGET_NOT_EMPTY',
    `Cannot restore into ${dataDir}: it exists already. A snapshot is restored into a new cluster only.`,
    { path: dataDir },
  )
}

/** The command a member's restore runs, for the report and the engine log. */
export function restoreCommand(
  tool: string,
  file: string,
  target: RestoreTarget,
  all: readonly RestoreTarget[],
  token: string,
): string {
  return shellCommand(tool, snapshotRestoreArgs(file, target, all, token))
}

/**
 * Restores one member's data dir from a snapshot with the tool of the cluster's version. A tool
 * failure about the file becomes SNAPSHOT_INVALID naming the snapshot; what it half wrote is removed.
 */
export async function restoreMember(
  tool: string,
  snapshot: { id: string; file: string },
  target: RestoreTarget,
  all: readonly RestoreTarget[],
  token: string,
): Promise<void> {
  await assertRestoreTarget(target.dataDir)
  try {
    await execFileAsync(tool, snapshotRestoreArgs(snapshot.file, target, all, token), {
      timeout: RESTORE_TIMEOUT_MS,
      // 3.4's etcdctl speaks v3 by default; stated so an ETCDCTL_API=2 in the user's env is ignored.
      env: { ...process.env, ETCDCTL_API: '3' },
    })
  } catch (error) {
    await rm(target.dataDir, { recursive: true, force: true })
    const output = (error as { stderr?: string }).stderr?.trim() || (error as Error).message
    if (INVALID_SNAPSHOT_OUTPUT.test(output)) {
      throw new EngineError(
        'SNAPSHOT_INVALID',
        `Snapshot ${snapshot.id} cannot be restored into ${target.name}: ${lastLine(output)}`,
        { id: snapshot.id, reason: lastLine(output) },
      )
    }
    throw new EngineError(
      'INTERNAL',
      `Restoring ${target.name} from ${snapshot.id} failed: ${lastLine(output)}`,
      {},
    )
  }
}

function lastLine(text: string): string {
  return text.split('\n').filter(Boolean).at(-1)?.slice(0, 500) ?? text
}
