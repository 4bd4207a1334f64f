import type { ErrorDetails } from './error-details'

/** Every error code the engine can report; the window maps each one to a message and a next step. */
export type ErrorCode = keyof ErrorDetails

/** One code's error as it crosses a boundary: plain data, so no transport can strip its context. */
interface ErrorDataOf<C extends ErrorCode> {
  code: C
  message: string
  /** Context typed per code: the member, port, log tail, holder process … */
  detail?: ErrorDetails[C]
}

/** An error as it crosses a boundary; `code` tells which `detail` it carries. */
export type ErrorData = { [C in ErrorCode]: ErrorDataOf<C> }[ErrorCode]

/** The outcome of every contract request. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorData }

/** Compile-time exhaustiveness check for switches over unions. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`)
}
