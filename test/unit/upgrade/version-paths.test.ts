import { describe, expect, it } from 'vitest'
import { memberArgs } from '../../../src/main/cluster/etcd-flags'
import { BUNDLED_RELEASES } from '../../../src/main/releases/bundled-releases'
import { downgradeArgs } from '../../../src/shared/downgrade-steps'
import { isEndOfLife, lineOf, passesUpgradeGate } from '../../../src/shared/etcd-lines'
import { english } from '../../../src/main/words/english'
import { judgeVersionChange, type VersionChangeInput } from '../../../src/shared/version-paths'

/** The shipped release list: the versions the rules pick hops from when offline. */
const KNOWN = BUNDLED_RELEASES.filter((r) => !r.isPrerelease).map((r) => r.version)

function judge(memberVersions: string[], target: string, extra: Partial<VersionChangeInput> = {}) {
  return judgeVersionChange({
    memberVersions,
    target,
    authEnabled: false,
    knownVersions: KNOWN,
    ...extra,
  })
}

describe('etcd lines', () => {
  it('maps versions to lines, 3.4 end of life, and the upgrade gates of 3.5 and 3.6', () => {
    expect(['3.4.23', '3.5.16', '3.6.16', '3.7.3', '3.8.0', '3.3.9'].map(lineOf)).toEqual([
      '3.4',
      '3.5',
      '3.6',
      '3.7',
      '3.7',
      null,
    ])
    expect([isEndOfLife('3.4.45'), isEndOfLife('3.5.33')]).toEqual([true, false])
    expect(['3.5.31', '3.5.32', '3.6.10', '3.6.11', '3.4.0'].map(passesUpgradeGate)).toEqual([
      false,
      true,
      false,
      true,
      true,
    ])
  })
})

describe('judgeVersionChange', () => {
  it('allows any patch within a line, up or down', () => {
    expect(judge(['3.5.16', '3.5.16'], '3.5.30')).toMatchObject({
      ok: true,
      plan: { kind: 'patch', hops: ['3.5.30'] },
    })
    expect(judge(['3.5.30'], '3.5.16')).toMatchObject({ ok: true, plan: { kind: 'patch' } })
  })

  it('allows the next line: 3.4 → 3.5 from any 3.4, 3.5 → 3.6 from 3.5.32, 3.6 → 3.7 from 3.6.11', () => {
    expect(judge(['3.4.23'], '3.5.16')).toMatchObject({
      ok: true,
      plan: { kind: 'upgrade', hops: ['3.5.16'], downgrade: null },
    })
    expect(judge(['3.5.32', '3.5.33'], '3.6.16')).toMatchObject({
      ok: true,
      plan: { hops: ['3.6.16'] },
    })
    expect(judge(['3.6.11'], '3.7.3')).toMatchObject({ ok: true, plan: { hops: ['3.7.3'] } })
  })

  it('refuses a line below its gate and offers the two-hop plan through the newest patch', () => {
    const refused = judge(['3.5.30', '3.5.33'], '3.6.16')
    expect(refused).toMatchObject({
      ok: false,
      refusal: { code: 'UPGRADE_PATH_UNSAFE', hops: ['3.5.33', '3.6.16'] },
    })
    expect(!refused.ok && english(refused.refusal.reason)).toMatch(
      /3\.5\.32 or newer \(now: 3\.5\.30\)/,
    )
    expect(judge(['3.6.5'], '3.7.3')).toMatchObject({
      ok: false,
      refusal: { hops: ['3.6.16', '3.7.3'] },
    })
    // Accepted as such when asked for.
    expect(judge(['3.5.30'], '3.6.16', { allowHops: true })).toMatchObject({
      ok: true,
      plan: { kind: 'upgrade', hops: ['3.5.33', '3.6.16'], target: '3.6.16' },
    })
  })

  it('refuses skipping a line, naming the hop through the skipped line', () => {
    const skip = judge(['3.4.23'], '3.6.16')
    expect(skip).toMatchObject({
      ok: false,
      refusal: { code: 'UPGRADE_PATH_UNSAFE', hops: ['3.5.33', '3.6.16'] },
    })
    expect(!skip.ok && english(skip.refusal.reason)).toMatch(/skips a line/)
    expect(judge(['3.4.45'], '3.7.3', { allowHops: true })).toMatchObject({
      ok: true,
      plan: { hops: ['3.5.33', '3.6.16', '3.7.3'] },
    })
  })

  it('refuses a rolling 3.4 → 3.5 with authentication on, or when it cannot be read', () => {
    expect(judge(['3.4.23'], '3.5.16', { authEnabled: true })).toMatchObject({
      ok: false,
      refusal: { code: 'UPGRADE_AUTH_ENABLED' },
    })
    expect(judge(['3.4.23'], '3.5.16', { authEnabled: null })).toMatchObject({
      ok: false,
      refusal: { code: 'UPGRADE_AUTH_ENABLED' },
    })
    // Authentication does not matter from 3.5 on.
    expect(judge(['3.5.33'], '3.6.16', { authEnabled: true })).toMatchObject({ ok: true })
  })

  it("downgrades one line only, by etcd's own means", () => {
    expect(judge(['3.6.16', '3.6.16'], '3.5.33')).toMatchObject({
      ok: true,
      plan: { kind: 'downgrade', downgrade: 'downgrade-api' },
    })
    expect(judge(['3.7.3'], '3.6.16')).toMatchObject({
      ok: true,
      plan: { downgrade: 'downgrade-api' },
    })
    expect(judge(['3.5.33'], '3.4.32')).toMatchObject({
      ok: true,
      plan: { downgrade: 'next-cluster-version-compatible' },
    })
    expect(judge(['3.5.33'], '3.4.23')).toMatchObject({
      ok: false,
      refusal: { code: 'DOWNGRADE_UNSUPPORTED' },
    })
    expect(judge(['3.5.33'], '3.4.45', { authEnabled: true })).toMatchObject({
      ok: false,
      refusal: { code: 'DOWNGRADE_UNSUPPORTED' },
    })
    expect(judge(['3.7.3'], '3.5.33')).toMatchObject({
      ok: false,
      refusal: { code: 'DOWNGRADE_UNSUPPORTED' },
    })
  })

  it('rolls a half-done upgrade back by swapping binaries while the cluster still runs the old line', () => {
    expect(judge(['3.4.23', '3.5.16', '3.4.23'], '3.4.23')).toMatchObject({
      ok: true,
      plan: { kind: 'rollback' },
    })
    expect(judge(['3.4.23', '3.5.16'], '3.5.16')).toMatchObject({
      ok: true,
      plan: { kind: 'upgrade' },
    })
  })

  it('refuses pre-releases, unknown lines, the same version, and members more than a line apart', () => {
    expect(judge(['3.5.16'], '3.6.0-rc.1')).toMatchObject({ ok: false })
    expect(judge(['3.5.16'], '3.3.9')).toMatchObject({ ok: false })
    const same = judge(['3.5.16', '3.5.16'], '3.5.16')
    expect(!same.ok && english(same.refusal.reason)).toMatch(/already/)
    expect(judge(['3.4.23', '3.6.16'], '3.5.33')).toMatchObject({ ok: false })
  })
})

describe('the generated commands of lines without a binary here (3.6, 3.7) and of 3.5 → 3.4', () => {
  it('downgrades 3.6 → 3.5 and 3.7 → 3.6 with etcdctl downgrade validate / enable on the line, cancel to abort', () => {
    for (const [from, to, line] of [
      ['3.6.16', '3.5.33', '3.5'],
      ['3.7.3', '3.6.16', '3.6'],
    ] as const) {
      const verdict = judge([from, from, from], to)
      expect(verdict).toMatchObject({ ok: true, plan: { downgrade: 'downgrade-api' } })
      const target = verdict.ok ? lineOf(verdict.plan.target)! : null
      expect(target).toBe(line)
      expect(
        ['validate', 'enable', 'cancel'].map((a) =>
          downgradeArgs(a as 'validate', target!).join(' '),
        ),
      ).toEqual([
        `downgrade validate ${line}`,
        `downgrade enable ${line}`,
        `downgrade cancel ${line}`,
      ])
    }
  })

  it('starts a 3.4.32+ member of a 3.5 cluster going down with --next-cluster-version-compatible', () => {
    const verdict = judge(['3.5.33', '3.5.33', '3.5.33'], '3.4.45')
    expect(verdict).toMatchObject({
      ok: true,
      plan: { downgrade: 'next-cluster-version-compatible' },
    })
    const def = {
      name: 'down',
      host: '127.0.0.1',
      token: 'down-1',
      createdAt: '2026-12-01T00:00:00.000Z',
      etcdVersion: '3.5.33',
      resolvedVersion: '3.5.33',
      members: [
        {
          name: 'etcd1',
          clientPort: 2379,
          peerPort: 2380,
          etcdVersion: '3.4.45',
          nextClusterVersionCompatible: true,
        },
        { name: 'etcd2', clientPort: 12379, peerPort: 12380 },
      ],
    }
    expect(memberArgs(def, def.members[0]!, { dataDir: '/d1' }, '3.4')).toContain(
      '--next-cluster-version-compatible',
    )
    expect(memberArgs(def, def.members[1]!, { dataDir: '/d2' }, '3.5')).not.toContain(
      '--next-cluster-version-compatible',
    )
  })
})
