import { describe, expect, it } from 'vitest'
import { english } from '../../../src/main/words/english'
import type { ClusterSpec, MemberSpec } from '../../../src/shared/cluster'
import type { EngineWords } from '../../../src/shared/engine-words/engine-words'
import { compileSearchPattern, isPatternProblem } from '../../../src/shared/key-search'
import { leaseTtlProblem } from '../../../src/shared/leases'
import { tutorialMembers } from '../../../src/shared/port-scheme'
import { DEFAULT_SETTINGS, settingsRuleWords, settingsSchema } from '../../../src/shared/settings'
import { judgeVersionChange, type VersionChangeInput } from '../../../src/shared/version-paths'
import {
  validateAgainstClusters,
  validateClusterSpec,
} from '../../../src/shared/validate-cluster-spec'
import { japaneseWords as japanese } from '../../helpers/engine-words-japanese'
import { tutorialSpec } from '../../helpers/tutorial-spec'

const spec = tutorialSpec

/** The words of the first issue of a spec. */
function firstIssue(over: Partial<ClusterSpec>): EngineWords {
  const [issue] = validateClusterSpec(spec(over))
  if (!issue) throw new Error('expected an issue')
  return issue.words
}

function withMember(i: number, change: Partial<MemberSpec>, faults = false): MemberSpec[] {
  const members = tutorialMembers(3, 0, faults)
  members[i] = { ...members[i]!, ...change }
  return members
}

const RESTORE =
  'To go back further, restore the snapshot taken before the upgrade into a new cluster (Maintenance tab).'
const ADJACENT = 'etcd mixes only adjacent lines (3.4 with 3.5, 3.5 with 3.6 …).'

// The English each rule wrote before its words moved into the catalogue: the engine's refusals
// (and the integration tests reading them) keep exactly these sentences.
const CASES: [string, () => EngineWords, string][] = [
  [
    'cluster name',
    () => firstIssue({ name: 'Bad Name' }),
    'Cluster name "Bad Name" must be 1–40 lower-case letters, digits or dashes, not starting or ending with a dash.',
  ],
  ['member count', () => firstIssue({ members: [] }), 'A cluster has 1 to 7 members; got 0.'],
  [
    'even count',
    () => firstIssue({ members: tutorialMembers(4) }),
    '4 members tolerate no more failures than 3: quorum is 3. Odd counts are recommended.',
  ],
  [
    'cluster version',
    () => firstIssue({ etcdVersion: '2.3' }),
    'etcd version "2.3" is not a version like 3.5.17.',
  ],
  [
    'discovery with a snapshot',
    () => firstIssue({ bootstrap: 'discovery', fromSnapshot: 'snap-1' }),
    'A cluster restored from a snapshot takes its members from the snapshot; choose static bootstrap or no snapshot.',
  ],
  [
    'host',
    () => firstIssue({ host: '0.0.0.0.0' }),
    'Host "0.0.0.0.0" must be an IPv4 address such as 127.0.0.1, or localhost.',
  ],
  [
    'member name',
    () => firstIssue({ members: withMember(0, { name: 'a=b' }) }),
    'Member name "a=b" must be 1–40 letters, digits, dots, dashes or underscores (no "=" or ",": they break --initial-cluster).',
  ],
  [
    'port out of range',
    () => firstIssue({ members: withMember(1, { peerPort: 80 }) }),
    'Member etcd2: peer port 80 is outside 1024–65535.',
  ],
  [
    'proxy port missing',
    () => firstIssue({ networkFaults: true }),
    'Member etcd1 needs a proxy port: with network faults, other members reach it through a proxy.',
  ],
  [
    'stray proxy port',
    () => firstIssue({ members: tutorialMembers(3, 0, true) }),
    'Member etcd1 has a proxy port, but the cluster has no network faults.',
  ],
  [
    'name twice',
    () => firstIssue({ members: withMember(2, { name: 'etcd1' }) }),
    'Member name "etcd1" is used by members #1 and #3.',
  ],
  [
    'port twice',
    () => firstIssue({ members: withMember(2, { proxyPort: 12380 }, true), networkFaults: true }),
    'Port 12380 is used twice: etcd2 peer and etcd3 proxy.',
  ],
  [
    'member version',
    () => firstIssue({ members: withMember(0, { etcdVersion: '9.9' }) }),
    'Member etcd1: etcd version "9.9" is not one etcd Desk runs (3.4 or later, like 3.5.17).',
  ],
  [
    'members two lines apart',
    () =>
      firstIssue({
        members: withMember(1, { etcdVersion: '3.6.0' }).map((m, i) =>
          i === 0 ? { ...m, etcdVersion: '3.4.23' } : m,
        ),
      }),
    `etcd2 runs 3.6.0 and etcd1 3.4.23: ${ADJACENT}`,
  ],
  [
    'a member two lines above the cluster',
    () => firstIssue({ etcdVersion: '3.4.23', members: withMember(0, { etcdVersion: '3.6.0' }) }),
    `etcd1 runs 3.6.0 and the cluster 3.4.23: ${ADJACENT}`,
  ],
  [
    'the cluster two lines above a member',
    () => firstIssue({ etcdVersion: '3.6.0', members: withMember(0, { etcdVersion: '3.4.23' }) }),
    `the cluster runs 3.6.0 and etcd1 3.4.23: ${ADJACENT}`,
  ],
  [
    'cluster exists',
    () => validateAgainstClusters(spec(), [{ name: 'demo', members: [] }])[0]!.words,
    'A cluster named demo already exists.',
  ],
  [
    'port taken',
    () =>
      validateAgainstClusters(spec(), [{ name: 'first', members: tutorialMembers(1) }])[0]!.words,
    'Port 2379 of member etcd1 is already used by cluster first.',
  ],
  [
    'lease TTL',
    () => leaseTtlProblem(0)!,
    'Lease TTL 0 is not valid: give whole seconds from 1 to 9000000000.',
  ],
  ['empty search', () => patternWords(''), 'Type something to search for.'],
  ['long search', () => patternWords('x'.repeat(1025)), 'A pattern has at most 1024 characters.'],
  [
    'bad regular expression',
    () => patternWords('key-(0'),
    '/key-(0/ is not a valid regular expression: Unterminated group',
  ],
  [
    'settings credentials',
    () => mirrorWords('https://u:p@mirror.example'),
    'must not contain credentials',
  ],
  ['settings URL', () => mirrorWords('ftp://mirror.example'), 'must be an http:// or https:// URL'],
  [
    'unknown line',
    () => refusal(['3.5.16'], '3.3.9'),
    'etcd Desk runs etcd 3.4 and later; 3.3.9 is not one of them.',
  ],
  [
    'pre-release',
    () => refusal(['3.5.16'], '3.6.0-rc.1'),
    '3.6.0-rc.1 is a pre-release; upgrades go to released versions only.',
  ],
  [
    'same version',
    () => refusal(['3.5.16', '3.5.16'], '3.5.16'),
    'Every member already runs etcd 3.5.16.',
  ],
  [
    'members apart',
    () => refusal(['3.4.23', '3.6.16'], '3.5.16'),
    'The members run 3.4.23 and 3.6.16, more than one line apart; etcd does not support that.',
  ],
  [
    'auth on',
    () => refusal(['3.4.23'], '3.5.16', { authEnabled: true }),
    'Authentication is on: etcd does not support a rolling upgrade from 3.4 to 3.5 with authentication on (its auth store format changes; logins break, etcd #11943). Turn authentication off first, or restore a snapshot into a new 3.5 cluster.',
  ],
  [
    'auth unknown',
    () => refusal(['3.4.23'], '3.5.16', { authEnabled: null }),
    'Could not tell whether authentication is on; a rolling upgrade from 3.4 to 3.5 is unsupported with authentication on (etcd #11943), so etcd Desk does not start it.',
  ],
  [
    'below a gate',
    () => refusal(['3.5.30'], '3.6.16'),
    '3.5 → 3.6 needs every member on 3.5.32 or newer (now: 3.5.30); upgrade to 3.5.33 first.',
  ],
  [
    'skipping a line',
    () => refusal(['3.5.30'], '3.7.0'),
    '3.5 → 3.7 skips a line; etcd upgrades one minor line at a time; upgrade to 3.5.33, then 3.6.16 first.',
  ],
  [
    'no release past the gate',
    () => refusal(['3.5.30'], '3.6.16', { knownVersions: ['3.5.30', '3.6.16'] }),
    '3.5 → 3.6 needs every member on 3.5.32 or newer (now: 3.5.30); no release known here passes that gate yet; refresh the release list.',
  ],
  [
    'downgrade skipping a line',
    () => refusal(['3.6.16'], '3.4.32'),
    `etcd downgrades one line at a time; 3.6 → 3.4 skips a line. ${RESTORE}`,
  ],
  [
    'downgrade too far back',
    () => refusal(['3.5.16'], '3.4.23'),
    `A 3.5 cluster can only go back to 3.4.32 or newer (with --next-cluster-version-compatible); 3.4.23 would stop with "invalid downgrade; server version is lower than determined cluster version". ${RESTORE}`,
  ],
  [
    'downgrade with auth on',
    () => refusal(['3.5.16'], '3.4.32', { authEnabled: true }),
    `etcd does not support downgrading 3.5 → 3.4 with authentication on. ${RESTORE}`,
  ],
  [
    'downgrade with auth unknown',
    () => refusal(['3.5.16'], '3.4.32', { authEnabled: null }),
    `etcd does not support downgrading 3.5 → 3.4 with authentication on (and it could not be read). ${RESTORE}`,
  ],
]

/** Why a version change is refused, from the releases 3.5.30–3.5.33, 3.6.16 and 3.7.0. */
function refusal(
  memberVersions: string[],
  target: string,
  extra: Partial<VersionChangeInput> = {},
): EngineWords {
  const verdict = judgeVersionChange({
    memberVersions,
    target,
    authEnabled: false,
    knownVersions: ['3.5.30', '3.5.33', '3.6.16', '3.7.0'],
    ...extra,
  })
  if (verdict.ok) throw new Error(`expected ${target} to be refused`)
  return verdict.refusal.reason
}

function patternWords(pattern: string): EngineWords {
  const result = compileSearchPattern({ pattern, mode: 'regex' })
  if (!isPatternProblem(result)) throw new Error('expected a problem')
  return result.reason
}

/** The words of the schema's message for a release mirror, as the window finds them. */
function mirrorWords(releaseMirror: string): EngineWords {
  const parsed = settingsSchema.safeParse({ ...DEFAULT_SETTINGS, releaseMirror })
  const message = parsed.success ? '' : (parsed.error.issues[0]?.message ?? '')
  const found = settingsRuleWords(message)
  if (!found) throw new Error(`no words for "${message}"`)
  return found
}

describe('engine-rules words', () => {
  it.each(CASES)('%s: English as before', (_, make, expected) => {
    expect(english(make())).toBe(expected)
  })

  it.each(CASES)('%s: Japanese for the window', (_, make, expected) => {
    const text = japanese(make())
    expect(text).not.toBe(expected)
    expect(text).not.toMatch(/\{\{|\$t\(|engine-rules:/)
    expect(text).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/)
  })

  it('names the kinds of port in Japanese too', () => {
    const [, make] = CASES.find(([name]) => name === 'port twice')!
    expect(japanese(make())).toBe(
      'ポート 12380 が二重に使われています: etcd2 のピアと etcd3 のプロキシ。',
    )
  })

  it('finds no words for a message that is not a settings rule', () => {
    expect(settingsRuleWords('Too small: expected number to be >=1')).toBeNull()
  })
})
