import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defineConfig } from 'vitest/config'

// One folder per test run: the leftover-process check then judges only this run's etcds, never
// those of another run on the same machine. Workers inherit this from the main process.
process.env.ETCD_DESK_TEST_RUN ??= `run-${process.pid}-${Date.now()}`
// Settings of test engines and browser-mode servers never touch the user's real config folder.
process.env.ETCD_DESK_CONFIG_DIR ??= join(
  tmpdir(),
  'etcd-desk-tests',
  process.env.ETCD_DESK_TEST_RUN,
  'config',
)
// Tests reach loopback only: no release list from GitHub, no downloads but from test mirrors.
process.env.ETCD_DESK_OFFLINE = '1'

/**
 * Three projects: fast pure unit tests, integration tests that run real etcd processes, and the
 * window's components (Testing Library in jsdom against a typed fake of the API).
 * Integration files run one at a time: the machine has 2 cores and each file starts clusters.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          // End-to-end specs share this sequential pool: they start real clusters on fixed ports.
          include: ['test/integration/**/*.test.ts', 'test/e2e/**/*.e2e.test.ts'],
          environment: 'node',
          fileParallelism: false,
          // Why: files run one after another in one worker anyway; not isolating them spares each
          // file re-importing the engine (measured: 8 files 96 s → 59 s). Files restore what they
          // change of the process (env) and own their engines, clusters and ports.
          isolate: false,
          // Why: a 3-member cold start takes up to ~2.6 s and elections ~2 s (ETCD-FACTS); allow headroom.
          testTimeout: 60_000,
          hookTimeout: 60_000,
          globalSetup: ['test/helpers/no-leftover-etcd.ts', 'test/helpers/built-renderer-setup.ts'],
        },
      },
      {
        test: {
          name: 'renderer',
          include: ['test/renderer/**/*.test.tsx'],
          // Why jsdom 26: jsdom 27+ needs Node 22, and this project supports Node 20.
          environment: 'jsdom',
          setupFiles: ['test/renderer/setup.ts'],
        },
      },
    ],
  },
})
