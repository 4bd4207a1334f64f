import { spawn } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

/** Folders whose changes make out/renderer stale. */
const SOURCES = ['src/renderer', 'src/shared']

/** The newest modification time of any file below `dir` (0 when it does not exist). */
function newestMtime(dir: string): number {
  if (!existsSync(dir)) return 0
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue
    newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs)
  }
  return newest
}

/** True when out/renderer is missing or older than its sources. */
export function isRendererStale(root: string): boolean {
  const index = join(root, 'out/renderer/index.html')
  if (!existsSync(index)) return true
  const built = statSync(index).mtimeMs
  return SOURCES.some((dir) => newestMtime(join(root, dir)) > built)
}

/**
 * Builds the app with electron-vite when out/renderer is missing or stale, and returns the
 * renderer folder. Build output goes to stderr, so stdout's first line stays the URL line.
 */
export async function ensureRendererBuilt(root: string): Promise<string> {
  const dir = join(root, 'out/renderer')
  if (!isRendererStale(root)) return dir
  process.stderr.write('etcd Desk: building the UI (out/renderer is missing or stale)…\n')
  const cli = join(root, 'node_modules/electron-vite/bin/electron-vite.js')
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'build'], {
      cwd: root,
      // The build needs no Electron binary; never try to download one from here.
      env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
      stdio: ['ignore', process.stderr, process.stderr],
    })
    child.once('error', reject)
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`electron-vite build failed (exit ${code})`)),
    )
  })
  return dir
}
