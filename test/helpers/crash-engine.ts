import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { ClusterSpec } from '../../src/shared/cluster'
import { makeTestDir } from './test-dirs'

const child = fileURLToPath(new URL('./engine-child.ts', import.meta.url))

/**
 * Starts an engine in another process that creates and starts `spec`, then SIGKILLs that engine
 * (its members keep running, as after a crash of the app); returns its data directory.
 */
export async function crashEngineWithCluster(label: string, spec: ClusterSpec): Promise<string> {
  const dataDir = makeTestDir(label)
  // node itself (not the tsx wrapper, which would leave its node child alive when SIGKILLed).
  const proc = spawn(process.execPath, ['--import', 'tsx', child, dataDir, JSON.stringify(spec)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  await new Promise<void>((resolve, reject) => {
    proc.stdout.on('data', (d: Buffer) => d.toString().includes('READY') && resolve())
    proc.once('exit', (code) => reject(new Error(`engine child exited early with ${code}`)))
  })
  const exited = new Promise((r) => proc.once('exit', r))
  proc.kill('SIGKILL')
  await exited
  return dataDir
}
