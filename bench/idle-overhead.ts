import { join } from 'node:path'
import { Engine } from '../src/main/engine/engine'
import { benchMembers, report, scratchDir } from './bench-support'

/** How long the engine idles with a running cluster while its CPU time is measured. */
const IDLE_MS = 30_000
const TARGET = 0.02

/** idle-overhead: the engine's CPU time while a 3-member cluster runs, as a share of one core. */
export async function idleOverhead(): Promise<void> {
  const { dir, cleanup } = scratchDir('idle')
  const engine = await Engine.open({ dataDir: join(dir, 'engine') })
  try {
    await engine.createCluster({
      name: 'idle',
      members: await benchMembers(3),
      etcdVersion: 'system',
      host: '127.0.0.1',
    })
    // Let start-up work (first polls, log read-back) settle before measuring.
    await new Promise((r) => setTimeout(r, 3_000))
    const cpuBefore = process.cpuUsage()
    const started = performance.now()
    await new Promise((r) => setTimeout(r, IDLE_MS))
    const cpu = process.cpuUsage(cpuBefore)
    const wall = performance.now() - started
    const share = (cpu.user + cpu.system) / 1000 / wall
    console.log(
      `engine CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms over ${wall.toFixed(0)} ms`,
    )
    await engine.stopCluster('idle')
    report('idle-overhead', share, TARGET)
  } finally {
    await engine.close()
    cleanup()
  }
}
