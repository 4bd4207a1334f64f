import type { z } from 'zod'
import type { requestSchemas, RequestChannel, ResponseMap } from '../../shared/contract'
import type { LeaseResponses } from '../../shared/lease-requests'
import type { TransferResponses } from '../../shared/transfer-requests'
import type { Engine } from '../engine/engine'

type Handler<C extends RequestChannel> = (
  engine: Engine,
  arg: z.output<(typeof requestSchemas)[C]>,
) => Promise<ResponseMap[C]> | ResponseMap[C]

/** The Leases tab's requests mapped onto the engine (spread into the contract's handlers). */
export const leaseHandlers: { [C in keyof LeaseResponses]: Handler<C> } = {
  'leases:list': (engine, a) => engine.leases.list(a.cluster, { after: a.after, limit: a.limit }),
  'leases:get': (engine, a) => engine.leases.get(a.cluster, a.lease, a.keyLimit),
  'leases:grant': (engine, a) => engine.leases.grant(a.cluster, a.ttl),
  'leases:revoke': (engine, a) => engine.leases.revoke(a.cluster, a.lease),
  'leases:keep-alive': (engine, a) => engine.leases.keepAlive(a.cluster, a.lease),
  'leases:attach': (engine, a) => engine.leases.attach(a.cluster, a.lease, a.key, a.value),
}

/** The import and export requests mapped onto the engine. */
export const transferHandlers: { [C in keyof TransferResponses]: Handler<C> } = {
  'transfer:export': (engine, { cluster, ...request }) => engine.transfers.export(cluster, request),
  'transfer:choose-import': (engine) => engine.transfers.chooseImport(),
  'transfer:preview': (engine, { cluster, ...request }) =>
    engine.transfers.preview(cluster, request),
  'transfer:import': (engine, { cluster, ...request }) => engine.transfers.import(cluster, request),
  'transfer:cancel': (engine, a) => {
    engine.transfers.cancel(a.transferId)
    return null
  },
}
