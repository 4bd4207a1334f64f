import { describe, expect, it } from 'vitest'
import {
  assertEnabled,
  assertOneVersion,
  assertStrongPassword,
  rootNeeded,
} from '../../../src/main/auth/auth-guards'
import type { ClusterRuntime } from '../../../src/main/cluster/cluster-runtime'
import { EngineError } from '../../../src/main/errors/engine-error'
import { MIN_PASSWORD_LENGTH, passwordProblem } from '../../../src/shared/auth'
import type { ClusterDefinition } from '../../../src/shared/cluster'

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
    expect(passwordProblem('root', '')).toBe('it is empty')
    expect(passwordProblem('root', 'a'.repeat(7))).toBe('it is shorter than 8 characters')
    expect(passwordProblem('root', 'root')).toBe('it is shorter than 8 characters')
    expect(passwordProblem('operator', 'Operator')).toBe('it is the user name')
    expect(passwordProblem('operator', 'OPERATOR')).toBe('it is the user name')
  })

  it('refuses with WEAK_PASSWORD naming the cluster, the user and the reason', () => {
    expect(refusal('operator', 'operator')).toEqual({
      code: 'WEAK_PASSWORD',
      message:
        'The password for operator is too weak: it is the user name. Use at least 8 characters that are not the user name.',
      detail: { cluster: 'demo', user: 'operator', reason: 'it is the user name' },
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
