import { describe, expect, it } from 'vitest'
import { clusterStateOf } from '../../../src/main/cluster/cluster-state'
import { stopWaves } from '../../../src/main/cluster/stop-order'
import { childEnv } from '../../../src/main/process/child-env'
import { decideRestart } from '../../../src/main/process/restart-policy'
import { DEFAULT_SETTINGS } from '../../../src/shared/settings'

describe('stop order', () => {
  const names = ['etcd1', 'etcd2', 'etcd3']
  it('stops followers together, then the leader', () => {
    expect(stopWaves(names, (n) => n, 'etcd2')).toEqual([['etcd1', 'etcd3'], ['etcd2']])
  })
  it('stops all at once when the leader is unknown', () => {
    expect(stopWaves(names, (n) => n, null)).toEqual([names])
    expect(stopWaves(['etcd1'], (n) => n, 'etcd1')).toEqual([['etcd1']])
    expect(stopWaves([], (n: string) => n, null)).toEqual([])
  })
})

describe('cluster state', () => {
  it('derives the cluster state from member states', () => {
    expect(clusterStateOf(['stopped', 'stopped'])).toBe('stopped')
    expect(clusterStateOf(['running', 'running'])).toBe('running')
    expect(clusterStateOf(['running', 'crashed', 'running'])).toBe('degraded')
    expect(clusterStateOf(['running', 'stopped'])).toBe('degraded')
    expect(clusterStateOf(['crashed', 'stopped'])).toBe('crashed')
    expect(clusterStateOf(['starting', 'running'])).toBe('starting')
    expect(clusterStateOf(['stopping', 'running'])).toBe('stopping')
  })
})

describe('auto-restart policy', () => {
  const on = { ...DEFAULT_SETTINGS.autoRestart, enabled: true }
  it('is off by default', () => {
    expect(decideRestart(DEFAULT_SETTINGS.autoRestart, 0, 0)).toEqual({ action: 'none' })
  })
  it('restarts until too many quick crashes, then gives up', () => {
    expect(decideRestart(on, 100, 0)).toEqual({ action: 'restart', quickCrashes: 1 })
    expect(decideRestart(on, 100, 2)).toEqual({ action: 'restart', quickCrashes: 3 })
    expect(decideRestart(on, 100, 3)).toEqual({ action: 'give-up', quickCrashes: 4 })
  })
  it('forgives crashes after a long uptime', () => {
    expect(decideRestart(on, 60_000, 3)).toEqual({ action: 'restart', quickCrashes: 1 })
  })
})

describe('child environment', () => {
  it('drops injection and etcd-flag variables, keeps the rest', () => {
    const env = childEnv({
      PATH: '/bin',
      HOME: '/h',
      LD_PRELOAD: 'x.so',
      NODE_OPTIONS: '--x',
      DYLD_INSERT_LIBRARIES: 'y',
      ETCD_NAME: 'z',
      ETCDCTL_API: '2',
    })
    expect(env).toEqual({ PATH: '/bin', HOME: '/h' })
  })
})
