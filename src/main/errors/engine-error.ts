import type { ErrorDetails } from '../../shared/error-details'
import type { ErrorCode, ErrorData, Result } from '../../shared/result'

/**
 * A domain error thrown inside the engine; it carries a code and the context that explains it,
 * typed per code (src/shared/error-details.ts).
 */
export class EngineError<C extends ErrorCode = ErrorCode> extends Error {
  constructor(
    readonly code: C,
    message: string,
    readonly detail?: ErrorDetails[C],
  ) {
    super(message)
    this.name = 'EngineError'
  }

  /** True when this error has code `code`; then `detail` is that code's. */
  is<K extends ErrorCode>(code: K): this is EngineError<K> {
    const own: ErrorCode = this.code
    return own === code
  }

  /** The error as plain data for a contract boundary. */
  toData(): ErrorData {
    const data = { code: this.code, message: this.message }
    return (this.detail ? { ...data, detail: this.detail } : data) as ErrorData
  }
}

/**
 * True for an EngineError of any code. Why not `instanceof`: on a generic class TypeScript
 * narrows to EngineError<any>, which lets an untyped `detail` slip through.
 */
export function isEngineError(error: unknown): error is EngineError {
  return error instanceof EngineError
}

/** Converts anything thrown into boundary data; unknown errors become INTERNAL with their message. */
function toErrorData(error: unknown): ErrorData {
  if (isEngineError(error)) return error.toData()
  const message = error instanceof Error ? error.message : String(error)
  return { code: 'INTERNAL', message }
}

/** Runs an engine call and returns its outcome as a Result, never throwing. */
export async function toResult<T>(run: () => Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, value: await run() }
  } catch (error) {
    return { ok: false, error: toErrorData(error) }
  }
}
