import type { TFunction } from 'i18next'
import { useMemo } from 'react'
import type { EngineWords } from '../../../shared/engine-words/engine-words'
import { useTranslation } from './index'

/** Engine words in the window's language; `english` when the engine sent none (an older engine). */
export type EngineWordsText = (words: EngineWords | null | undefined, english: string) => string

/** Engine words in the language of `t` (for code outside components). */
export function engineWordsText(t: TFunction): EngineWordsText {
  // Why loose: the engine's keys are checked where the engine makes them (EngineWordsKey).
  const translate = t as unknown as (key: string, values?: object) => string
  return (words, english) => (words ? translate(words.key, { ...words.values }) : english)
}

/** The hook components use to show what the engine wrote (a step, a warning) in their language. */
export function useEngineWords(): EngineWordsText {
  // react-i18next hands out a new t when the language changes, so the words follow it.
  const { t } = useTranslation()
  return useMemo(() => engineWordsText(t), [t])
}
