import { createContext, useContext } from 'react'

/**
 * Where this window can show the engine log in a browser tab (browser mode serves it, guarded
 * by the page's token), or null where the engine opens it itself (Electron) or nothing can.
 * The app wires it from its transport, so the Settings screen never learns which one it runs on.
 */
const EngineLogHrefContext = createContext<string | null>(null)

/** Provides the link to the engine log page (browser mode), or null. */
export const EngineLogHrefProvider = EngineLogHrefContext.Provider

/** The link to the engine log page, or null. */
export function useEngineLogHref(): string | null {
  return useContext(EngineLogHrefContext)
}
