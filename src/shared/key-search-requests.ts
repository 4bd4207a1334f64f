import { z } from 'zod'
import { clusterNameSchema } from './cluster-schema'
import { MAX_SEARCH_PATTERN_CHARS, SEARCH_MODES, SEARCH_RESULT_LIMITS } from './key-search'
import { MAX_CONTRACT_BYTES } from './limits'

/** A prefix in a request (bytes, as in the key browser's requests). */
const prefix = z
  .instanceof(Uint8Array)
  .refine((b) => b.length <= MAX_CONTRACT_BYTES, 'at most 64 MiB')

/** The key search requests (part of the contract's requestSchemas). */
export const searchRequestSchemas = {
  /**
   * Starts a search over the keys under `prefix` (empty: all) at one revision; matches and
   * progress are pushed on keys:search-update to the window that asked.
   */
  'keys:search': z.strictObject({
    cluster: clusterNameSchema,
    prefix,
    pattern: z.string().min(1).max(MAX_SEARCH_PATTERN_CHARS),
    mode: z.enum(SEARCH_MODES),
    inValues: z.boolean().optional(),
    ignoreCase: z.boolean().optional(),
    maxResults: z
      .number()
      .int()
      .min(SEARCH_RESULT_LIMITS.min)
      .max(SEARCH_RESULT_LIMITS.max)
      .optional(),
  }),
  /** Stops a search; nothing more is pushed for it. */
  'keys:search-cancel': z.strictObject({ searchId: z.string().uuid() }),
}

/** What the key search requests return. */
export interface SearchResponses {
  /** The search's id (its pushes carry it) and the revision every key is read at. */
  'keys:search': { searchId: string; revision: string }
  'keys:search-cancel': null
}
