import { join } from 'node:path'
import { app, dialog, type BrowserWindow } from 'electron'
import type { ChooseSavePath } from '../engine/cluster-maintenance'
import type { ChooseOpenPath } from '../engine/cluster-transfers'

/** The window a dialog belongs to (modal to it), or null before one is open. */
type WindowRef = () => BrowserWindow | null

/** "Save a copy…" and "Export": the save dialog, in Downloads by default. */
export function saveDialog(windowRef: WindowRef): ChooseSavePath {
  return async (name) => {
    const options = { defaultPath: join(app.getPath('downloads'), name) }
    const window = windowRef()
    const chosen = await (window
      ? dialog.showSaveDialog(window, options)
      : dialog.showSaveDialog(options))
    return chosen.canceled || !chosen.filePath ? null : chosen.filePath
  }
}

/** "Import → Choose file…": the open dialog for one JSON Lines file. */
export function openDialog(windowRef: WindowRef): ChooseOpenPath {
  return async () => {
    const options: Electron.OpenDialogOptions = {
      properties: ['openFile'],
      filters: [
        { name: 'etcd Desk exports', extensions: ['jsonl'] },
        { name: 'All files', extensions: ['*'] },
      ],
    }
    const window = windowRef()
    const chosen = await (window
      ? dialog.showOpenDialog(window, options)
      : dialog.showOpenDialog(options))
    return chosen.canceled ? null : (chosen.filePaths[0] ?? null)
  }
}
