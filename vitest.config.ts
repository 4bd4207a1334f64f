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
 * Integration files that must run alone: they count failed writes or time what a user feels
 * (probe, upgrade, TLS switch, faults, membership's health guards), or they take the
 * tutorial's fixed ports (2379/12379/22379). Every other integration and e2e file runs two at a
 * time: they mostly wait on etcd (elections, health), pick free ports and own their data folders.
 */
const RUN_ALONE = [
  'test/integration/probe/**',
  'test/integration/faults/**',
  'test/integration/upgrade/**',
  'test/integration/tls/tls-switch.test.ts',
  'test/integration/membership/membership.test.ts',
  'test/integration/maintenance/defragment-compact.test.ts',
  'test/integration/maintenance/nospace-drill.test.ts',
  'test/integration/releases/download-order.test.ts',
  'test/integration/transport/ws-slow-consumer.test.ts',
  'test/integration/engine/three-member-cluster.test.ts',
  'test/e2e/tutorial-journey.e2e.test.ts',
  'test/e2e/network-faults.e2e.test.ts',
  'test/e2e/upgrade.e2e.test.ts',
  'test/e2e/tls-switch.e2e.test.ts',
  'test/e2e/metrics.e2e.test.ts',
]

/** What both integration projects share: real etcd, node, one import of the engine per worker. */
const integration = {
  environment: 'node' as const,
  // Why: files in one worker run one after another; not isolating them spares each file
  // re-importing the engine (measured: 8 files 96 s → 59 s). Files restore what they change of
  // the process (env) and own their engines, clusters and ports.
  isolate: false,
  // Why: a 3-member cold start takes up to ~2.6 s and elections ~2 s (ETCD-FACTS); allow headroom.
  testTimeout: 60_000,
  hookTimeout: 60_000,
  globalSetup: ['test/helpers/no-leftover-etcd.ts', 'test/helpers/built-renderer-setup.ts'],
}

/**
 * Three groups, one after the other (vitest runs groups in `sequence.groupOrder`):
 * 0. unit tests and the window's components (jsdom against a typed fake of the API), two files
 *    at a time (2 cores): pure CPU, never next to an etcd that must answer in time;
 * 1. the integration and e2e files that may share the machine, two at a time;
 * 2. the integration and e2e files of RUN_ALONE, one at a time, on a quiet machine.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          ...integration,
          name: 'integration',
          include: ['test/integration/**/*.test.ts', 'test/e2e/**/*.e2e.test.ts'],
          exclude: [...RUN_ALONE, '**/node_modules/**'],
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          ...integration,
          name: 'integration-alone',
          include: RUN_ALONE.map((glob) => (glob.endsWith('**') ? `${glob}/*.test.ts` : glob)),
          fileParallelism: false,
          sequence: { groupOrder: 2 },
        },
      },
      {
        test: {
          name: 'renderer',
          include: ['test/renderer/**/*.test.tsx'],
          // Why jsdom 26: jsdom 27+ needs Node 22, and this project supports Node 20.
          environment: 'jsdom',
          setupFiles: ['test/renderer/setup.ts'],
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
    ],
  },
})
