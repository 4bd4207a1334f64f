import { describe, expect, it } from 'vitest'
import {
  assertEnabled,
  assertOneVersion,
  assertStrongPassword,
  rootNeeded,
} from '../../../src/main/auth/auth-guards'
import type { ClusterRuntime } from '../../../src/main/cluster/cluster-runtime'
import { EngineError } from '../../../src/main/errors/engine-error'
import { english } from '../../../src/main/words/english'
import { MIN_PASSWORD_LENGTH, passwordProblem } from '../../../src/shared/auth'
import type { ClusterDefinition } from '../../../src/shared/cluster'
import { japaneseWords } from '../../helpers/engine-words-japanese'

/** What assertStrongPassword threw, as boundary data. */
function refusal(user: string, password: string) {
  try {
    assertStrongPassword('demo', user, password)
  } catch (error) {
    if (error instanceof EngineError) return error.toData()
    throw error
  }
  return null
}

/** A runtime with only the definition the version guard reads. */
function runtimeOf(def: Partial<ClusterDefinition>): ClusterRuntime {
  const full = { name: 'demo', etcdVersion: '3.5.16', members: [], ...def }
  return { def: full } as unknown as ClusterRuntime
}

const member = (name: string, etcdVersion?: string) => ({
  name,
  clientPort: 2379,
  peerPort: 2380,
  ...(etcdVersion ? { etcdVersion } : {}),
})

describe('password rules', () => {
  it('accepts 8 characters and more that are not the user name', () => {
    expect(MIN_PASSWORD_LENGTH).toBe(8)
    expect(passwordProblem('root', 'a'.repeat(8))).toBeNull()
    expect(passwordProblem('root', 'root-secret-42')).toBeNull()
    expect(passwordProblem('bob', 'bob-secret')).toBeNull()
    expect(refusal('root', 'correct horse')).toBeNull()
  })

  it('refuses an empty password, a short one and the user name in any case', () => {
    const reason = (user: string, password: string) => {
      const problem = passwordProblem(user, password)
      return problem && english(problem)
    }
    expect(reason('root', '')).toBe('is empty')
    expect(reason('root', 'a'.repeat(7))).toBe('is shorter than 8 characters')
    expect(reason('root', 'root')).toBe('is shorter than 8 characters')
    expect(reason('operator', 'Operator')).toBe('is the user name')
    expect(reason('operator', 'OPERATOR')).toBe('is the user name')
    // The Japanese window reads the same reason in its own words.
    expect(japaneseWords(passwordProblem('root', 'short')!)).toBe('8 文字より短いです')
  })

  it('refuses with WEAK_PASSWORD naming the cluster, the user and the reason', () => {
    expect(refusal('operator', 'operator')).toEqual({
      code: 'WEAK_PASSWORD',
      message:
        'The password for operator is too weak: it is the user name. Use at least 8 characters that are not the user name.',
      detail: {
        cluster: 'demo',
        user: 'operator',
        reason: 'is the user name',
        reasonWords: { key: 'engine-rules:password.userName' },
      },
    })
    const short = refusal('root', 'q1w2e3')
    expect(short).toMatchObject({ code: 'WEAK_PASSWORD', detail: { user: 'root' } })
    // Security: the refusal never repeats the password it refused.
    expect(JSON.stringify(short)).not.toContain('q1w2e3')
  })
})

describe('auth guards', () => {
  it('refuse auth changes while members run different versions or an upgrade is pending', () => {
    expect(() =>
      assertOneVersion(runtimeOf({ members: [member('etcd1'), member('etcd2')] })),
    ).not.toThrow()
    const mixed = runtimeOf({ members: [member('etcd1'), member('etcd2', '3.4.23')] })
    expect(() => assertOneVersion(mixed)).toThrow(
      expect.objectContaining({
        code: 'CLUSTER_BUSY',
        detail: expect.objectContaining({ operation: 'upgrade' }),
      }),
    )
    const pending = runtimeOf({
      members: [member('etcd1')],
      pendingUpgrade: {} as ClusterDefinition['pendingUpgrade'],
    })
    expect(() => assertOneVersion(pending)).toThrow(/different etcd versions/)
  })

  it('refuse what needs auth on with AUTH_NOT_ENABLED, only when it is known to be off', () => {
    expect(() => assertEnabled('demo', false, 'browsing as another user')).toThrow(
      expect.objectContaining({
        code: 'AUTH_NOT_ENABLED',
        message: expect.stringContaining('browsing as another user needs it on'),
      }),
    )
    expect(() => assertEnabled('demo', true, 'x')).not.toThrow()
    // Unknown (stopped, nothing recorded): etcd itself answers.
    expect(() => assertEnabled('demo', null, 'x')).not.toThrow()
  })

  it("name the cluster when root's password is needed", () => {
    expect(rootNeeded('demo').toData()).toMatchObject({
      code: 'ROOT_PASSWORD_NEEDED',
      detail: { cluster: 'demo' },
      message: expect.stringContaining('Enter it in the Access tab'),
    })
  })
})
