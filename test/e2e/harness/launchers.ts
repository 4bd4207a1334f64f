import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { _electron, type Page } from 'playwright-core'
import { expect } from 'vitest'
import { findEtcdProcesses } from '../../helpers/etcd-processes'
import { makeTestDir } from '../../helpers/test-dirs'
import { startBrowserMode } from './browser-mode'
import { openPage } from './chromium'

/** The app under test, however it was started. */
export interface LaunchedApp {
  page: Page
  dataDir: string
  pageErrors: string[]
  consoleErrors: string[]
  /** Quits like a user would; resolves with the exit code. */
  close: () => Promise<number | null>
}

/** One way of running the app for the same specs. */
export interface Launcher {
  name: string
  /** Why this launcher cannot run here, or null. */
  skipReason: string | null
  /** Starts the app on a fresh data directory, with `env` added to its environment. */
  launch: (label: string, env?: Record<string, string>) => Promise<LaunchedApp>
}

const root = fileURLToPath(new URL('../../../', import.meta.url))

/** Browser mode in Debian's Chromium, and the Electron build where its binary exists. */
export function launchers(): Launcher[] {
  return [browserLauncher(), electronLauncher()]
}

function browserLauncher(): Launcher {
  return {
    name: 'browser',
    skipReason: null,
    launch: async (label, env = {}) => {
      const server = await startBrowserMode(label, env)
      const opened = await openPage(server.url).catch(async (error: unknown) => {
        await server.stop()
        throw error
      })
      return {
        ...opened,
        dataDir: server.dataDir,
        close: async () => {
          await opened.close()
          return server.stop()
        },
      }
    },
  }
}

/**
 * The path of the Electron binary, or null when it was never downloaded (as here). Read from the
 * package's files: `require('electron')` would try to download a missing binary.
 */
function electronBinary(): string | null {
  const dir = `${root}node_modules/electron/`
  const pathFile = `${dir}path.txt`
  if (!existsSync(pathFile)) return null
  const binary = `${dir}dist/${readFileSync(pathFile, 'utf8').trim()}`
  return existsSync(binary) ? binary : null
}

function electronLauncher(): Launcher {
  const binary = electronBinary()
  const built = existsSync(`${root}out/main/index.js`)
  const skipReason = !binary
    ? 'the Electron binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD; it cannot be downloaded here)'
    : !built
      ? 'out/main is not built (run npm run build)'
      : null
  if (skipReason) console.info(`E2E on the Electron build skipped: ${skipReason}.`)
  return {
    name: 'electron',
    skipReason,
    launch: async (label, env = {}) => {
      const dataDir = makeTestDir(label)
      const app = await _electron.launch({
        executablePath: binary ?? undefined,
        args: [root],
        env: { ...process.env, ...env, ETCD_DESK_DATA_DIR: dataDir },
      })
      const page = await app.firstWindow()
      const pageErrors: string[] = []
      const consoleErrors: string[] = []
      page.on('pageerror', (e) => pageErrors.push(e.message))
      page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()))
      return {
        page,
        dataDir,
        pageErrors,
        consoleErrors,
        close: async () => {
          const exited = new Promise<number | null>((r) =>
            app.process().once('exit', (code) => r(code)),
          )
          await app.close()
          return exited
        },
      }
    },
  }
}

/**
 * Quits `app` (when it was launched) and checks it left nothing behind: exit code 0 and no etcd
 * process under its data directory.
 */
export async function closeCleanly(app: LaunchedApp | undefined): Promise<void> {
  if (!app) return
  expect(await app.close()).toBe(0)
  expect(findEtcdProcesses(app.dataDir)).toEqual([])
}
