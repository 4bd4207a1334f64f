import type { z } from 'zod'
import type { requestSchemas, RequestChannel, ResponseMap } from '../../shared/contract'
import type { SearchResponses } from '../../shared/key-search-requests'
import type { Engine } from '../engine/engine'
import type { KeySearchListener } from '../engine/key-searches'

type Handler<C extends RequestChannel> = (
  engine: Engine,
  arg: z.output<(typeof requestSchemas)[C]>,
  caller: { keySearches: KeySearchListener },
) => Promise<ResponseMap[C]> | ResponseMap[C]

/** For calls that come from no window (tests, tools): search updates go nowhere. */
export const NO_SEARCH_LISTENER: KeySearchListener = { update: () => undefined }

/** The key search requests mapped onto the engine (spread into the contract's handlers). */
export const searchHandlers: { [C in keyof SearchResponses]: Handler<C> } = {
  'keys:search': (engine, { cluster, ...request }, caller) =>
    engine.searches.start(cluster, request, caller.keySearches),
  'keys:search-cancel': async (engine, a) => {
    await engine.searches.cancel(a.searchId)
    return null
  },
}
