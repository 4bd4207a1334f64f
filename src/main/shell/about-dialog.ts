import { dialog, type BrowserWindow } from 'electron'
import type { Engine } from '../engine/engine'
import { aboutText } from './about-text'

/** Shows About with the versions of etcd Desk, Electron, Node and the etcd binaries in use. */
export async function showAbout(
  engine: Engine,
  appVersion: string,
  parent: BrowserWindow | null,
): Promise<void> {
  // About still opens when a version cannot be read; why it could not goes to the engine log.
  const [system, installed] = await Promise.all([
    engine.systemEtcd().catch((error: unknown) => {
      engine.log.warn({ err: error }, 'About: the system etcd could not be described')
      return null
    }),
    engine.releases.installed().catch((error: unknown) => {
      engine.log.warn({ err: error }, 'About: installed releases could not be listed')
      return []
    }),
  ])
  const detail = aboutText({
    appVersion,
    electron: process.versions.electron ?? '',
    node: process.versions.node,
    chrome: process.versions.chrome ?? '',
    systemEtcd: system ? { version: system.version, path: system.etcd } : null,
    clusterVersions: engine.listClusters().map((c) => ({
      cluster: c.definition.name,
      version: c.definition.resolvedVersion,
    })),
    installedReleases: installed.map((r) => r.version),
  })
  const options = {
    type: 'info' as const,
    title: 'About etcd Desk',
    message: 'etcd Desk',
    detail,
    buttons: ['OK'],
  }
  await (parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options))
}
