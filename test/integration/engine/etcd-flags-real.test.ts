/**
 * The flags memberArgs writes for 3.4 and 3.5 against the real binaries (Debian's 3.4.23, 3.5.16
 * and 3.5.30): each is listed by that binary's `etcd --help`, and its flag parser takes them all.
 * 3.6 and 3.7 have no binary here; test/unit/cluster/etcd-flags-per-line.test.ts checks them
 * against their source's flag lists.
 */
import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { lineOf, NEXT_CLUSTER_VERSION_COMPATIBLE_SINCE } from '../../../src/shared/etcd-lines'
import { isAtLeast } from '../../../src/shared/version-order'
import { etcd3530, etcd35, systemTestEtcd, type TestEtcd } from '../../helpers/etcd-versions'
import { flagNamesOf, memberArgsVariants } from '../../helpers/member-args-variants'

/** Why: `--help` and `--version` print and exit at once; a hang is a failure, not a wait. */
const RUN_TIMEOUT_MS = 10_000

/** Runs etcd with `args`; etcd prints usage to stderr and the flag list to stdout. */
function runEtcd(etcd: TestEtcd, args: string[]): { status: number | null; output: string } {
  const run = spawnSync(etcd.etcd, args, { encoding: 'utf8', timeout: RUN_TIMEOUT_MS })
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` }
}

/**
 * The flag names `etcd --help` lists: "  --name 'default'" lines and "  etcd --version" usage
 * lines. 3.4.23's help omits a few flags it accepts (--unsafe-no-fsync): the parse check covers them.
 */
function helpFlags(etcd: TestEtcd): Set<string> {
  const { output } = runEtcd(etcd, ['--help'])
  const names = [...output.matchAll(/^\s+(?:etcd )?--([a-z0-9-]+)/gm)].map((m) => m[1]!)
  return new Set(names)
}

/**
 * Starts nothing: etcd parses every flag, then `--version` prints and exits 0. An unknown flag
 * stops the parse first ("flag provided but not defined", exit 2).
 */
function parseWithVersion(
  etcd: TestEtcd,
  args: string[],
): { status: number | null; output: string } {
  return runEtcd(etcd, [...args, '--version'])
}

describe.each(
  [systemTestEtcd(), etcd35(), etcd3530()].map((etcd) => [etcd.version, etcd] as const),
)('memberArgs on the real etcd %s', (_version, etcd) => {
  const line = lineOf(etcd.version)!
  const listed = helpFlags(etcd)

  it('reads a real flag list from --help', () => {
    expect(listed.size).toBeGreaterThan(70)
    for (const core of ['name', 'data-dir', 'initial-cluster', 'logger', 'log-outputs'])
      expect(listed, core).toContain(core)
  })

  it('an unknown flag fails the parse (the check below can fail)', () => {
    const run = parseWithVersion(etcd, ['--no-such-flag-in-etcd'])
    expect(run.status).toBe(2)
    expect(run.output).toContain('flag provided but not defined: -no-such-flag-in-etcd')
  })

  it.each(memberArgsVariants(line, etcd.version))(
    'writes only flags --help lists, and etcd parses them: $label',
    ({ args }) => {
      expect(flagNamesOf(args).filter((name) => !listed.has(name))).toEqual([])
      const run = parseWithVersion(etcd, args)
      expect(run.output).not.toContain('flag provided but not defined')
      expect(run.status).toBe(0)
      expect(run.output).toContain(`etcd Version: ${etcd.version}`)
    },
  )
})

describe('flags the real binaries refuse (ETCD-OPS-FACTS §3.3)', () => {
  it('3.5 refuses --debug and --log-output, which 3.4 accepts', () => {
    for (const flag of ['--debug', '--log-output=stderr']) {
      expect(parseWithVersion(systemTestEtcd(), [flag]).status, flag).toBe(0)
      expect(parseWithVersion(etcd35(), [flag]).status, flag).toBe(2)
    }
  })

  it('a 3.4 member gets --next-cluster-version-compatible only if its etcd has it (3.4.31+)', () => {
    const etcd = systemTestEtcd()
    const hasFlag = isAtLeast(etcd.version, NEXT_CLUSTER_VERSION_COMPATIBLE_SINCE)
    const parse = parseWithVersion(etcd, ['--next-cluster-version-compatible'])
    // Debian's 3.4.23 here and in CI: the flag is unknown to it, so it must not be written.
    expect(parse.status).toBe(hasFlag ? 0 : 2)
    const asked = memberArgsVariants('3.4', etcd.version).find(
      (v) => v.label === 'next-cluster-version-compatible',
    )!
    expect(asked.args.includes('--next-cluster-version-compatible')).toBe(hasFlag)
  })
})
