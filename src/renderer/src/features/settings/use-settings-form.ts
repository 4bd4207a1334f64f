import { useCallback, useEffect, useState } from 'react'
import type { ErrorData } from '../../../../shared/result'
import type { SettingsPatch, SettingsView } from '../../../../shared/settings'
import { useApi } from '../shared/api-context'
import { usePush } from '../shared/use-push'
import { settle, useAction } from '../shared/use-action'
import {
  isDraftChanged,
  issuesToFieldErrors,
  parseDraft,
  rebaseDraft,
  settingsPatch,
  toDraft,
  type DraftField,
  type FieldErrors,
  type SettingsDraft,
} from './settings-draft'

interface Loaded {
  view: SettingsView
  draft: SettingsDraft
}

/** Field errors the engine reported for a refused save. */
function engineFieldErrors(error: ErrorData): FieldErrors {
  if (error.code === 'DATA_DIR_FOREIGN' || error.code === 'DATA_DIR_UNWRITABLE') {
    return { dataDir: error.message }
  }
  const issues = error.code === 'INVALID_REQUEST' ? error.detail?.issues : undefined
  return Array.isArray(issues) ? issuesToFieldErrors(issues) : {}
}

/**
 * The Settings form: loads settings:get, follows settings:changed (untouched fields follow, edits
 * stay), validates with the shared schema as the user types and saves only what changed.
 */
export function useSettingsForm() {
  const api = useApi()
  const [loaded, setLoaded] = useState<Loaded | null>(null)
  const [loadFailure, setLoadFailure] = useState<ErrorData | null>(null)
  const [reloads, setReloads] = useState(0)
  const [hasTried, setTried] = useState(false)
  const [engineErrors, setEngineErrors] = useState<FieldErrors>({})
  const [isSaved, setSaved] = useState(false)
  const [isRestartRequired, setRestartRequired] = useState(false)
  const update = useAction((patch: SettingsPatch) => api.request('settings:update', patch))

  const follow = useCallback((view: SettingsView) => {
    setLoaded((prev) => ({
      view,
      draft: prev
        ? rebaseDraft(prev.draft, prev.view.settings, view.settings)
        : toDraft(view.settings),
    }))
  }, [])
  usePush('settings:changed', follow)
  useEffect(() => {
    let isCurrent = true
    void settle(() => api.request('settings:get', {})).then((result) => {
      if (!isCurrent) return
      setLoadFailure(result.ok ? null : result.error)
      if (result.ok) follow(result.value)
    })
    return () => {
      isCurrent = false
    }
  }, [api, follow, reloads])

  const setField = <K extends DraftField>(field: K, value: SettingsDraft[K]) => {
    setLoaded((prev) => prev && { ...prev, draft: { ...prev.draft, [field]: value } })
    setEngineErrors(({ [field]: _, ...rest }) => rest)
    setSaved(false)
  }

  const parsed = loaded ? parseDraft(loaded.draft) : null
  const saved = loaded ? toDraft(loaded.view.settings) : null
  const clientErrors: FieldErrors = {}
  if (parsed && !parsed.ok && loaded && saved) {
    for (const [field, message] of Object.entries(parsed.errors) as [DraftField, string][]) {
      if (hasTried || loaded.draft[field] !== saved[field]) clientErrors[field] = message
    }
  }

  const save = async () => {
    setTried(true)
    if (!parsed?.ok || !loaded) return
    setEngineErrors({})
    const result = await update.run(settingsPatch(loaded.view.settings, parsed.settings))
    if (!result.ok) {
      setEngineErrors(engineFieldErrors(result.error))
      return
    }
    const { requiresRestart, ...view } = result.value
    setLoaded({ view, draft: toDraft(view.settings) })
    setTried(false)
    setSaved(true)
    if (requiresRestart) setRestartRequired(true)
  }

  return {
    view: loaded?.view ?? null,
    draft: loaded?.draft ?? null,
    loadFailure,
    reload: () => setReloads((n) => n + 1),
    setField,
    errors: { ...clientErrors, ...engineErrors },
    invalidCount: parsed && !parsed.ok ? Object.keys(parsed.errors).length : 0,
    hasTried,
    isChanged: loaded ? isDraftChanged(loaded.draft, loaded.view.settings) : false,
    save,
    isSaving: update.isBusy,
    saveError: update.error,
    isSaved,
    isRestartRequired,
  }
}
