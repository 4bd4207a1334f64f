import type { z } from 'zod'
import type { DiagnosisResponses } from '../../shared/diagnosis'
import type { requestSchemas, RequestChannel, ResponseMap } from '../../shared/contract'
import type { Engine } from '../engine/engine'

type Handler<C extends RequestChannel> = (
  engine: Engine,
  arg: z.output<(typeof requestSchemas)[C]>,
) => Promise<ResponseMap[C]> | ResponseMap[C]

/** "Save diagnosis" mapped onto the engine (spread into the contract's handlers). */
export const diagnosisHandlers: { [C in keyof DiagnosisResponses]: Handler<C> } = {
  'cluster:diagnosis': (engine, a) => engine.diagnosis.save(a.cluster, a.diagnosisId),
}
