import { spawn } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../../', import.meta.url))

/** What the built UI is made from: a change to any of these makes out/renderer stale. */
const SOURCES = ['src/renderer', 'src/shared', 'electron.vite.renderer.config.ts']

/** The newest modification time of a file, or of any file below a folder (0 when missing). */
function newestMtime(path: string): number {
  if (!existsSync(path)) return 0
  if (!statSync(path).isDirectory()) return statSync(path).mtimeMs
  let newest = 0
  for (const entry of readdirSync(path, { withFileTypes: true, recursive: true })) {
    if (entry.isFile())
      newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs)
  }
  return newest
}

/** True when `<root>/out/renderer` is missing or older than its sources. */
export function isRendererStale(projectRoot = root): boolean {
  const index = join(projectRoot, 'out', 'renderer', 'index.html')
  if (!existsSync(index)) return true
  const built = statSync(index).mtimeMs
  return SOURCES.some((source) => newestMtime(join(projectRoot, source)) > built)
}

/**
 * Runs `npm run build:renderer` (the step `npm run web` runs first) when out/renderer is missing
 * or stale, so end-to-end tests and UI benchmarks serve the current window. CI's `npm run build`
 * has already built it; then this costs one stat per source file.
 */
export async function ensureRendererBuilt(): Promise<void> {
  if (!isRendererStale()) return
  let output = ''
  const child = spawn('npm', ['run', 'build:renderer'], {
    cwd: root,
    // The renderer build needs no Electron binary; never try to download one from here.
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout.on('data', (d: Buffer) => (output += d.toString()))
  child.stderr.on('data', (d: Buffer) => (output += d.toString()))
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject)
    child.once('exit', resolve)
  })
  if (code !== 0) throw new Error(`npm run build:renderer failed (exit ${code}):\n${output}`)
}
