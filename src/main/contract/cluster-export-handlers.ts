import type { z } from 'zod'
import type { ClusterExportResponses } from '../../shared/cluster-export/export-requests'
import type { requestSchemas, RequestChannel, ResponseMap } from '../../shared/contract'
import type { Engine } from '../engine/engine'

type Handler<C extends RequestChannel> = (
  engine: Engine,
  arg: z.output<(typeof requestSchemas)[C]>,
) => Promise<ResponseMap[C]> | ResponseMap[C]

/** "Export to other machines" mapped onto the engine (spread into the contract's handlers). */
export const clusterExportHandlers: { [C in keyof ClusterExportResponses]: Handler<C> } = {
  'cluster:export-preview': (engine, a) => engine.clusterExports.preview(a.cluster, a.hosts),
  'cluster:export-files': (engine, a) => engine.clusterExports.write(a.cluster, a.hosts),
}
