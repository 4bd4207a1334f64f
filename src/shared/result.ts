/** Every error code the engine can report; the window maps each one to a message and a next step. */
export type ErrorCode =
  | 'INVALID_REQUEST'
  | 'INVALID_SPEC'
  | 'PORT_IN_USE'
  | 'CLUSTER_EXISTS'
  | 'CLUSTER_NOT_FOUND'
  | 'MEMBER_NOT_FOUND'
  | 'CLUSTER_RUNNING'
  | 'CLUSTER_NOT_RUNNING'
  | 'CLUSTER_BUSY'
  | 'OPERATION_CANCELLED'
  | 'MEMBER_RUNNING'
  | 'MEMBER_NOT_RUNNING'
  | 'ETCD_NOT_FOUND'
  | 'ETCD_VERSION_UNSUPPORTED'
  | 'ETCD_VERSION_CHANGED'
  | 'START_TIMEOUT'
  | 'MEMBER_CRASHED'
  | 'STOP_TIMEOUT'
  | 'DATA_DIR_LOCKED'
  | 'DATA_DIR_FOREIGN'
  | 'DATA_DIR_UNWRITABLE'
  | 'KEY_NOT_FOUND'
  | 'KEY_CONFLICT'
  | 'VALUE_TOO_LARGE'
  | 'ETCD_UNREACHABLE'
  | 'ETCD_REQUEST_FAILED'
  | 'ENGINE_CLOSED'
  | 'RELEASE_NOT_FOUND'
  | 'PLATFORM_UNSUPPORTED'
  | 'DOWNLOAD_FAILED'
  | 'DOWNLOAD_CANCELLED'
  | 'OFFLINE'
  | 'CHECKSUM_MISMATCH'
  | 'CHECKSUM_MISSING'
  | 'ARCHIVE_INVALID'
  | 'DISK_FULL'
  | 'RELEASE_IN_USE'
  | 'FORBIDDEN'
  | 'DISCONNECTED'
  | 'INTERNAL'

/** An error as it crosses a boundary: plain data, so no transport can strip its context. */
export interface ErrorData {
  code: ErrorCode
  message: string
  /** Extra context: the member, port, log tail, holder process … */
  detail?: Record<string, unknown>
}

/** The outcome of every contract request. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorData }

/** Wraps a value as a successful result. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value }
}

/** Wraps error data as a failed result. */
export function fail<T = never>(error: ErrorData): Result<T> {
  return { ok: false, error }
}

/** Compile-time exhaustiveness check for switches over unions. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`)
}
