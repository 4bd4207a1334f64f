/** Commands the app menu (and, in browser mode, the same keyboard shortcuts) sends to the window. */
export type AppCommand = 'create-cluster' | 'show-logs' | 'show-keys' | 'find' | 'show-settings'

/** Keyboard shortcut of each command, in Electron accelerator syntax. */
export const APP_SHORTCUTS: Record<AppCommand, string> = {
  'create-cluster': 'CmdOrCtrl+N',
  'show-logs': 'CmdOrCtrl+L',
  'show-keys': 'CmdOrCtrl+K',
  find: 'CmdOrCtrl+F',
  'show-settings': 'CmdOrCtrl+,',
}

/** Every app command. */
const APP_COMMANDS = Object.keys(APP_SHORTCUTS) as AppCommand[]

/** The command a key press stands for (Ctrl on Linux/Windows, Cmd on macOS), if any. */
export function commandForKey(event: {
  key: string
  ctrlKey: boolean
  metaKey: boolean
  altKey: boolean
  shiftKey: boolean
}): AppCommand | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return null
  const key = event.key.toLowerCase()
  return APP_COMMANDS.find((c) => APP_SHORTCUTS[c].split('+').pop()?.toLowerCase() === key) ?? null
}
