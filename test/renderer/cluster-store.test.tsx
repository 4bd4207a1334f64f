import { describe, expect, it } from 'vitest'
import {
  acceptList,
  acceptRemoval,
  acceptView,
  clustersOf,
  EMPTY_CLUSTER_STORE,
} from '../../src/renderer/src/features/clusters/cluster-store'
import type { ClusterState } from '../../src/shared/cluster'
import { clusterView } from './fixtures'

function view(name: string, revision: number, state: ClusterState = 'running') {
  return { ...clusterView(name), state, revision }
}

describe('Cluster store (newest revision wins)', () => {
  it('ignores a view older than the one it holds, takes a newer or equal one', () => {
    let store = acceptView(EMPTY_CLUSTER_STORE, view('demo', 5, 'running'), 1)
    store = acceptView(store, view('demo', 4, 'starting'), 2)
    expect(store.views.get('demo')?.state).toBe('running')
    store = acceptView(store, view('demo', 5, 'degraded'), 3)
    expect(store.views.get('demo')?.state).toBe('degraded')
    store = acceptView(store, view('demo', 6, 'stopping'), 4)
    expect(store.views.get('demo')?.revision).toBe(6)
  })

  it('keeps a removed cluster gone for views made before, not for a new one of that name', () => {
    let store = acceptView(EMPTY_CLUSTER_STORE, view('demo', 5), 1)
    store = acceptRemoval(store, 'demo', 2)
    store = acceptView(store, view('demo', 5, 'stopped'), 3)
    expect(clustersOf(store)).toEqual([])
    store = acceptView(store, view('demo', 9, 'starting'), 4)
    expect(store.views.get('demo')?.state).toBe('starting')
  })

  it('takes a list as the new base, keeping what arrived while it was on its way if newer', () => {
    let store = acceptView(EMPTY_CLUSTER_STORE, view('gone', 3), 1)
    store = acceptView(store, view('demo', 3), 2)
    const sentAt = 3
    store = acceptView(store, view('demo', 8, 'stopping'), 4)
    store = acceptView(store, view('fresh', 9), 5)
    store = acceptRemoval(store, 'old', 6)
    const listed = [view('demo', 7, 'running'), view('other', 7)]
    store = acceptList(store, listed, sentAt, 7)
    expect(clustersOf(store).map((c) => [c.definition.name, c.revision])).toEqual([
      ['demo', 8],
      ['fresh', 9],
      ['other', 7],
    ])
  })

  it('trusts a list after a reconnect even when its revisions are lower (a restarted engine)', () => {
    let store = acceptView(EMPTY_CLUSTER_STORE, view('demo', 500, 'running'), 1)
    store = acceptList(store, [view('demo', 2, 'stopped')], 2, 3)
    expect(store.views.get('demo')?.state).toBe('stopped')
    store = acceptView(store, view('demo', 3, 'starting'), 4)
    expect(store.views.get('demo')?.state).toBe('starting')
  })

  it('drops a listed cluster that was removed while the list was on its way', () => {
    let store = acceptView(EMPTY_CLUSTER_STORE, view('demo', 4), 1)
    store = acceptRemoval(store, 'demo', 3)
    store = acceptList(store, [view('demo', 4)], 2, 4)
    expect(clustersOf(store)).toEqual([])
  })
})
