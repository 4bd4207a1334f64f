import { ensureRendererBuilt } from './renderer-build'

/**
 * Vitest global setup: the end-to-end specs serve out/renderer, so it is built once, before any
 * test runs, when missing or stale (no test then builds it while another serves it).
 */
export default async function setup(): Promise<void> {
  await ensureRendererBuilt()
}
