import type { z } from 'zod'
import type { ConnectionResponses } from '../../shared/connection-requests'
import type { requestSchemas, RequestChannel, ResponseMap } from '../../shared/contract'
import type { Engine } from '../engine/engine'

type Handler<C extends RequestChannel> = (
  engine: Engine,
  arg: z.output<(typeof requestSchemas)[C]>,
) => Promise<ResponseMap[C]> | ResponseMap[C]

/** "Connect to cluster" requests mapped onto the engine (spread into the contract's handlers). */
export const connectionHandlers: { [C in keyof ConnectionResponses]: Handler<C> } = {
  'connections:list': (engine) => engine.connections.list(),
  'connections:save': (engine, a) => engine.connections.save(a.spec, a.password, a.isNew),
  'connections:delete': async (engine, a) => {
    await engine.connections.remove(a.connection)
    return null
  },
  'connections:test': (engine, a) => engine.connections.test(a.spec, a.password),
  'connections:open': (engine, a) => engine.connections.connect(a.connection),
}
