import { createContext, useContext, useEffect, useEffectEvent, type ReactNode } from 'react'
import { commandForKey, type AppCommand } from '../../../../shared/app-commands'
import { usePush } from './use-push'

/**
 * Whether this window turns key presses into app commands itself. Only browser mode does: in
 * Electron the app menu's accelerators already send `app:command`, so listening to keydown as
 * well would run every shortcut twice.
 */
const ShortcutKeysContext = createContext(false)

/** Makes `useAppCommand` below it also listen to the keyboard shortcuts (browser mode). */
export function ShortcutKeysProvider(props: { isEnabled: boolean; children: ReactNode }) {
  return (
    <ShortcutKeysContext.Provider value={props.isEnabled}>
      {props.children}
    </ShortcutKeysContext.Provider>
  )
}

/**
 * Runs `handler` when the app menu sends `command` (the `app:command` push) and, where the window
 * handles shortcut keys itself, when its shortcut (APP_SHORTCUTS) is pressed.
 */
export function useAppCommand(command: AppCommand, handler: () => void): void {
  const isListeningToKeys = useContext(ShortcutKeysContext)
  const onCommand = useEffectEvent(handler)
  usePush('app:command', (payload) => {
    if (payload.command === command) handler()
  })
  useEffect(() => {
    if (!isListeningToKeys) return
    const onKeyDown = (event: KeyboardEvent) => {
      if (commandForKey(event) !== command) return
      // Why: Ctrl+F/K/L would otherwise open the browser's own find bar or address bar. (Chrome
      // keeps Ctrl+N for itself whatever a page does; the sidebar button remains.)
      event.preventDefault()
      onCommand()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [isListeningToKeys, command])
}
