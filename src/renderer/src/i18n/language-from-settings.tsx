import { useEffect, useState } from 'react'
import type { LanguageChoice } from '../../../shared/settings'
import { useApi } from '../features/shared/api-context'
import { settle } from '../features/shared/use-action'
import { usePush } from '../features/shared/use-push'
import { i18n } from './index'
import { resolveLanguage } from './language'

/**
 * Applies the "Language" setting (settings:get, then every settings:changed) at once, without a
 * reload; on 'auto' it also follows the browser when the OS's languages change.
 */
export function LanguageFromSettings() {
  const api = useApi()
  const [choice, setChoice] = useState<LanguageChoice | undefined>(undefined)
  usePush('settings:changed', (view) => setChoice(view.settings.language))
  useEffect(() => {
    let isCurrent = true
    // A failed read keeps the OS's language; the Settings screen shows why settings are missing.
    void settle(() => api.request('settings:get', {})).then((result) => {
      if (isCurrent && result.ok) setChoice(result.value.settings.language)
    })
    return () => {
      isCurrent = false
    }
  }, [api])
  useEffect(() => {
    const apply = () => void i18n.changeLanguage(resolveLanguage(choice))
    apply()
    window.addEventListener('languagechange', apply)
    return () => window.removeEventListener('languagechange', apply)
  }, [choice])
  return null
}
