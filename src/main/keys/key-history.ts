import {
  DEFAULT_HISTORY_LIMIT,
  HISTORY_PAGE_VALUE_BYTES,
  MAX_HISTORY_LIMIT,
  type KeyHistoryPage,
  type KeyVersion,
} from '../../shared/key-history'
import type { KeyEntry } from '../../shared/keys'
import { EngineError, isEngineError } from '../errors/engine-error'
import { probeCompactRevision } from './compact-probe'
import { isCompactedError } from './etcd-error-mapping'
import { printableKey, toBuffer } from './key-bytes'
import type { KeyService } from './key-service'
import { checkKey, checkRevision } from './key-validation'

/** A page of a key's history to read. */
export interface HistoryRequest {
  key: Uint8Array
  /** Start from the version visible at this revision (a page's nextRevision); absent: now. */
  revision?: string
  /** Most versions on the page (DEFAULT_HISTORY_LIMIT when absent). */
  limit?: number
}

/**
 * Reads a page of a key's versions, newest first, by walking back: the version visible at a
 * revision has a mod revision M; the one before it is the version visible at M - 1. Each step is
 * one Range of one key (limit 1), and a page holds at most `limit` versions and about
 * HISTORY_PAGE_VALUE_BYTES of values. The walk ends at the key's creation (version 1) or where
 * compaction removed the history, which the page reports with etcd's compact revision.
 */
export async function readKeyHistory(
  service: KeyService,
  request: HistoryRequest,
): Promise<KeyHistoryPage> {
  const { key } = request
  checkKey(key)
  checkRevision(request.revision)
  const limit = checkHistoryLimit(request.limit)
  const page: KeyHistoryPage = {
    key,
    createRevision: '0',
    versions: [],
    nextRevision: null,
    compacted: null,
  }
  let at = request.revision
  let valueBytes = 0
  while (page.versions.length < limit && valueBytes < HISTORY_PAGE_VALUE_BYTES) {
    const entry = await readVersion(service, key, at)
    if (entry === 'compacted') {
      page.compacted = { revision: await compactRevisionOf(service, key) }
      page.nextRevision = null
      break
    }
    // A delete ends a key's life: a version of an earlier life is not this key's history.
    if (page.versions.length > 0 && entry.createRevision !== page.createRevision) break
    page.createRevision = entry.createRevision
    page.versions.push(versionOf(entry))
    valueBytes += entry.value?.length ?? 0
    const modRevision = BigInt(entry.modRevision)
    page.nextRevision = entry.version === '1' || modRevision <= 1n ? null : String(modRevision - 1n)
    if (page.nextRevision === null) break
    at = page.nextRevision
  }
  return page
}

/** What a history restore asks: write the version of `revision` back, if the key is still at `expectModRevision`. */
export interface RestoreRequest {
  key: Uint8Array
  /** The mod revision of the version to write back. */
  revision: string
  /** The key's mod revision as the user saw it; another write since refuses with KEY_CONFLICT. */
  expectModRevision: string
}

/**
 * Writes an old version's value back as a new version, as a compare-and-swap on the key's mod
 * revision (KEY_CONFLICT when the key changed since the user looked). The value is read by the
 * engine at `revision`, so the bytes written are exactly that version's.
 */
export async function restoreKeyVersion(
  service: KeyService,
  request: RestoreRequest,
): Promise<{ revision: string }> {
  const { key, revision } = request
  checkKey(key)
  checkRevision(revision)
  checkRevision(request.expectModRevision, 'expectModRevision')
  const shown = printableKey(key)
  const entry = await service.get(key, { revision }).catch((error: unknown) => {
    if (!isCompactedError(error) || !isEngineError(error) || !error.is('ETCD_REQUEST_FAILED')) {
      throw error
    }
    throw new EngineError(
      'ETCD_REQUEST_FAILED',
      `The version of ${shown} at revision ${revision} was compacted: it can no longer be restored.`,
      error.detail,
    )
  })
  if (entry.modRevision !== revision) {
    throw new EngineError(
      'INVALID_REQUEST',
      `Revision ${revision} did not write ${shown}: the version visible then was written at revision ${entry.modRevision}.`,
      { field: 'revision', value: revision },
    )
  }
  return service.put(key, entry.value ?? new Uint8Array(), {
    expectModRevision: request.expectModRevision,
  })
}

/** The version of `key` visible at `revision` (now when undefined), or 'compacted'. */
async function readVersion(
  service: KeyService,
  key: Uint8Array,
  revision: string | undefined,
): Promise<KeyEntry | 'compacted'> {
  try {
    return await service.get(key, revision === undefined ? {} : { revision })
  } catch (error) {
    if (revision !== undefined && isCompactedError(error)) return 'compacted'
    throw error
  }
}

function versionOf(entry: KeyEntry): KeyVersion {
  return {
    modRevision: entry.modRevision,
    version: entry.version,
    lease: entry.lease,
    value: entry.value ?? new Uint8Array(),
  }
}

/**
 * etcd's compact revision. Its "required revision has been compacted" does not say which one, so
 * ask with a one-off watch (see probeCompactRevision); null when it does not answer in time.
 */
async function compactRevisionOf(service: KeyService, key: Uint8Array): Promise<string | null> {
  return probeCompactRevision(service.etcd.watchClient, toBuffer(key))
}

function checkHistoryLimit(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_HISTORY_LIMIT
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_HISTORY_LIMIT) {
    throw new EngineError(
      'INVALID_REQUEST',
      `limit must be an integer from 1 to ${MAX_HISTORY_LIMIT}`,
      { field: 'limit', value: limit },
    )
  }
  return limit
}
