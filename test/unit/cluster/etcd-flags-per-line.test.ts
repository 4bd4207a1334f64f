/**
 * Every flag memberArgs writes for a line is one that line's etcd registers. The lists come from
 * etcd's source at the newest tag of each line in the etcd snapshot (test/fixtures/etcd-flags),
 * so 3.6 and 3.7, which have no binary here, are checked too; the real 3.4 and 3.5 binaries are
 * checked in test/integration/engine/etcd-flags-real.test.ts.
 */
import { describe, expect, it } from 'vitest'
import { memberArgs } from '../../../src/main/cluster/etcd-flags'
import type { ClusterDefinition } from '../../../src/shared/cluster'
import { ETCD_LINES, type EtcdLine } from '../../../src/shared/etcd-lines'
import { tutorialMembers } from '../../../src/shared/port-scheme'
import {
  flagNamesOf,
  memberArgsVariants,
  readFlagFixture,
} from '../../helpers/member-args-variants'

/** The version a fixture was taken from ("3.6.14"), read from its header. */
function fixtureVersion(line: EtcdLine): string {
  const version = /^# etcd v(\d+\.\d+\.\d+):/.exec(readFlagFixture(line).source)?.[1]
  if (!version) throw new Error(`test/fixtures/etcd-flags/${line}.txt names no tag`)
  return version
}

/** Every flag name memberArgs writes on `line`, over every kind of member. */
function generatedFlags(line: EtcdLine, version = fixtureVersion(line)): Set<string> {
  return new Set(memberArgsVariants(line, version).flatMap((v) => flagNamesOf(v.args)))
}

const has = (line: EtcdLine, flag: string) => readFlagFixture(line).flags.has(flag)

describe.each(ETCD_LINES)('etcd %s flags', (line) => {
  it('has a flag list from a tag of this line, naming its source files', () => {
    const { source, flags } = readFlagFixture(line)
    expect(fixtureVersion(line).startsWith(`${line}.`)).toBe(true)
    expect(source).toMatch(/etcdmain\/config\.go/)
    // Each line registers about a hundred flags; a truncated list would accept too little.
    expect(flags.size).toBeGreaterThan(80)
    for (const core of ['name', 'data-dir', 'initial-cluster', 'logger', 'log-outputs'])
      expect(flags, core).toContain(core)
  })

  it.each(memberArgsVariants(line, fixtureVersion(line)))(
    'writes only flags the line registers: $label',
    ({ args }) => {
      const { flags } = readFlagFixture(line)
      expect(flagNamesOf(args).filter((name) => !flags.has(name))).toEqual([])
    },
  )
})

describe('what each line removed (ETCD-OPS-FACTS §3.3)', () => {
  it('3.5 and later have no --debug or --log-output, and none is ever written', () => {
    expect(has('3.4', 'debug') && has('3.4', 'log-output')).toBe(true)
    for (const line of ['3.5', '3.6', '3.7'] as const) {
      expect(has(line, 'debug'), line).toBe(false)
      expect(has(line, 'log-output'), line).toBe(false)
    }
    for (const line of ETCD_LINES) {
      expect(generatedFlags(line)).not.toContain('debug')
      expect(generatedFlags(line)).not.toContain('log-output')
    }
  })

  it('3.6 and later have no --enable-v2 and no --proxy* flags', () => {
    const proxyFlags = (line: EtcdLine) =>
      [...readFlagFixture(line).flags].filter((f) => f === 'enable-v2' || f.startsWith('proxy'))
    expect(proxyFlags('3.5')).toEqual(
      expect.arrayContaining(['enable-v2', 'proxy', 'proxy-failure-wait', 'proxy-read-timeout']),
    )
    expect(proxyFlags('3.6')).toEqual([])
    expect(proxyFlags('3.7')).toEqual([])
  })

  it('3.7 has no --experimental-* flags and no --discovery; it added no flag to 3.6', () => {
    const experimental = (line: EtcdLine) =>
      [...readFlagFixture(line).flags].filter((f) => f.startsWith('experimental-'))
    expect(experimental('3.6').length).toBeGreaterThanOrEqual(23)
    expect(experimental('3.7')).toEqual([])
    expect(has('3.6', 'discovery') && has('3.6', 'discovery-proxy')).toBe(true)
    expect(has('3.7', 'discovery')).toBe(false)
    expect(has('3.7', 'discovery-proxy')).toBe(false)
    const added = [...readFlagFixture('3.7').flags].filter((f) => !has('3.6', f))
    expect(added).toEqual([])
    for (const line of ETCD_LINES)
      expect([...generatedFlags(line)].filter((f) => f.startsWith('experimental-'))).toEqual([])
  })

  it('only 3.4 has --next-cluster-version-compatible, and only 3.4 members get it', () => {
    const flag = 'next-cluster-version-compatible'
    expect(ETCD_LINES.filter((line) => has(line, flag))).toEqual(['3.4'])
    expect(ETCD_LINES.filter((line) => generatedFlags(line).has(flag))).toEqual(['3.4'])
  })
})

describe('per-line flags', () => {
  const def: ClusterDefinition = {
    name: 'demo',
    members: tutorialMembers(1),
    etcdVersion: '3.4.45',
    host: '127.0.0.1',
    token: 'demo-abc123',
    createdAt: '2026-11-24T00:00:00.000Z',
    resolvedVersion: '3.4.45',
  }
  const loggingOf = (line: EtcdLine) =>
    memberArgs(def, def.members[0]!, { dataDir: '/d' }, line).filter((a) => a.startsWith('--log'))

  it('logs zap JSON to stderr; 3.6 and 3.7 also say --log-format=json', () => {
    expect(loggingOf('3.4')).toEqual(['--logger=zap', '--log-outputs=stderr'])
    expect(loggingOf('3.5')).toEqual(['--logger=zap', '--log-outputs=stderr'])
    expect(loggingOf('3.6')).toEqual(['--logger=zap', '--log-outputs=stderr', '--log-format=json'])
    expect(loggingOf('3.7')).toEqual(['--logger=zap', '--log-outputs=stderr', '--log-format=json'])
    expect(has('3.5', 'log-format')).toBe(false)
  })

  it('writes --next-cluster-version-compatible for a 3.4.31+ member that asks, and only then', () => {
    const NEXT = '--next-cluster-version-compatible'
    const argsOf = (line: EtcdLine, version: string, isAsked = true) => {
      const member = { ...def.members[0]!, etcdVersion: version }
      if (isAsked) Object.assign(member, { nextClusterVersionCompatible: true })
      return memberArgs({ ...def, members: [member] }, member, { dataDir: '/d' }, line)
    }
    expect(argsOf('3.4', '3.4.45')).toContain(NEXT)
    expect(argsOf('3.4', '3.4.31')).toContain(NEXT)
    expect(argsOf('3.4', '3.4.45', false)).not.toContain(NEXT)
    // 3.4.0 to 3.4.30 exit on an unknown flag (Debian's 3.4.23 among them).
    expect(argsOf('3.4', '3.4.30')).not.toContain(NEXT)
    expect(argsOf('3.4', '3.4.23')).not.toContain(NEXT)
    for (const line of ['3.5', '3.6', '3.7'] as const)
      expect(argsOf(line, `${line}.0`), line).not.toContain(NEXT)
  })
})
