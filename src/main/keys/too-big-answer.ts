import { isEngineError } from '../errors/engine-error'

/**
 * True for the mapped RESOURCE_EXHAUSTED of an answer above the client's receive limit
 * (MAX_RECEIVE_MESSAGE_BYTES): the caller asks again for less (a smaller page, half a batch, a
 * lease without its keys).
 */
export function isTooBigAnswer(error: unknown): boolean {
  if (!isEngineError(error) || !error.is('ETCD_REQUEST_FAILED')) return false
  return /larger than the client accepts|RESOURCE_EXHAUSTED/i.test(
    `${error.message} ${error.detail?.cause ?? ''}`,
  )
}
