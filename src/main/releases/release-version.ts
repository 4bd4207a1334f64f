import { VERSION_PATTERN } from '../../shared/cluster-rules'
import { lineOf } from '../../shared/etcd-lines'
import { EngineError } from '../errors/engine-error'

/**
 * Checks a requested version and returns it without a leading "v". The version becomes a folder
 * name and part of a URL, so anything but a plain 3.x.y[-tag] is refused here.
 */
export function normalizeVersion(input: string): string {
  const version = input.startsWith('v') ? input.slice(1) : input
  if (!VERSION_PATTERN.test(version)) {
    throw new EngineError('INVALID_REQUEST', `"${input}" is not an etcd version like 3.5.17.`, {
      version: input,
    })
  }
  if (!lineOf(version)) {
    throw new EngineError(
      'ETCD_VERSION_UNSUPPORTED',
      `etcd ${version} is not supported: etcd Desk runs 3.4 and later.`,
      { version },
    )
  }
  return version
}
