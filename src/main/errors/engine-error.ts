import type { ErrorCode, ErrorData, Result } from '../../shared/result'

/** A domain error thrown inside the engine; it carries a code and the context that explains it. */
export class EngineError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly detail?: Record<string, unknown>,
  ) {
    super(message)
    this.name = 'EngineError'
  }

  /** The error as plain data for a contract boundary. */
  toData(): ErrorData {
    return this.detail
      ? { code: this.code, message: this.message, detail: this.detail }
      : { code: this.code, message: this.message }
  }
}

/** Converts anything thrown into boundary data; unknown errors become INTERNAL with their message. */
export function toErrorData(error: unknown): ErrorData {
  if (error instanceof EngineError) return error.toData()
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
