import { mkdtempSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * Every test's files live below this run's folder, so leftover processes can be attributed to this
 * run (and not to another test run on the same machine).
 */
export const TEST_ROOT = join(
  tmpdir(),
  'etcd-desk-tests',
  process.env.ETCD_DESK_TEST_RUN ?? `run-${process.pid}`,
)

/** A fresh, empty directory for one test. */
export function makeTestDir(label: string): string {
  mkdirSync(TEST_ROOT, { recursive: true })
  return mkdtempSync(join(TEST_ROOT, `${label}-`))
}
