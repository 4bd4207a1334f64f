import { defineConfig } from 'vitest/config'

// One folder per test run: the leftover-process check then judges only this run's etcds, never
// those of another run on the same machine. Workers inherit this from the main process.
process.env.ETCD_DESK_TEST_RUN ??= `run-${process.pid}-${Date.now()}`

/**
 * Two projects: fast pure unit tests, and integration tests that run real etcd processes.
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
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          // Why: a 3-member cold start takes up to ~2.6 s and elections ~2 s (ETCD-FACTS); allow headroom.
          testTimeout: 60_000,
          hookTimeout: 60_000,
          globalSetup: ['test/helpers/no-leftover-etcd.ts'],
        },
      },
    ],
  },
})
