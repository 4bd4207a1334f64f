import type { TFunction } from 'i18next'
import type { ErrorCode } from '../../../../shared/result'
import english from '../../i18n/locales/en/errors.json'

/** What an error means for the user: a short title and the next step. */
export interface ErrorHint {
  title: string
  hint: string
}

/**
 * Every error code the engine can report, with what happened and what to do next, in English
 * (locales/en/errors.json; Japanese in locales/ja/errors.json). The `satisfies` makes a new
 * ErrorCode without a hint a compile error: add it to both catalogues.
 */
export const ERROR_HINTS: Record<ErrorCode, ErrorHint> = english satisfies Record<
  ErrorCode,
  ErrorHint
>

/** The title and next step for an error code, in the window's language (`t` of 'errors'). */
export function hintFor(code: ErrorCode, t: TFunction<'errors'>): ErrorHint {
  return { title: t(`${code}.title`), hint: t(`${code}.hint`) }
}
