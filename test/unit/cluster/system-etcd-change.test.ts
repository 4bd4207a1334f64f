import { describe, expect, it } from 'vitest'
import { checkSystemEtcdChange } from '../../../src/main/cluster/system-etcd-change'

const outcome = (recorded: string, found: string): string => {
  try {
    checkSystemEtcdChange('demo', recorded, found)
    return 'ok'
  } catch (error) {
    return (error as { code: string }).code
  }
}

describe('checkSystemEtcdChange', () => {
  it('allows the same version, any patch change in a line, and one line up', () => {
    expect(outcome('3.4.23', '3.4.23')).toBe('ok')
    expect(outcome('3.4.23', '3.4.30')).toBe('ok')
    expect(outcome('3.5.17', '3.5.9')).toBe('ok')
    expect(outcome('3.4.23', '3.5.0')).toBe('ok')
    expect(outcome('3.5.21', '3.6.0-rc.1')).toBe('ok')
  })

  it('refuses an older line or a skipped line, naming the cluster and both versions', () => {
    expect(outcome('3.5.17', '3.4.23')).toBe('ETCD_VERSION_CHANGED')
    expect(outcome('3.4.23', '3.6.4')).toBe('ETCD_VERSION_CHANGED')
    expect(() => checkSystemEtcdChange('demo', '3.5.17', '3.4.23')).toThrow(
      /Cluster demo was created with the system etcd 3\.5\.17, but the etcd on PATH is now 3\.4\.23: etcd cannot go back/,
    )
    expect(() => checkSystemEtcdChange('demo', '3.4.23', '3.6.4')).toThrow(/skips one/)
  })
})
