import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { Desk } from '../../src/renderer/src/features/desk/desk'
import { FakeApi, fail, ok } from './fake-api'
import { clusterStatus, clusterView, renderWithApi } from './fixtures'

function runningClusterApi() {
  const cluster = clusterView('demo')
  const api = new FakeApi({
    'clusters:list': () => ok([cluster]),
    'cluster:status': () => ok(clusterStatus(cluster, 'etcd1')),
  })
  return { api, cluster }
}

async function portTable() {
  return screen.findByRole('table', { name: 'Members of demo' })
}

describe('Port table', () => {
  it('lists each member with its URLs, pid and state, and marks the leader', async () => {
    const { api } = runningClusterApi()
    renderWithApi(<Desk />, api)
    const table = await portTable()
    for (const name of ['Member', 'Client URL', 'Peer URL', 'PID', 'Status']) {
      expect(within(table).getByRole('columnheader', { name })).toBeInTheDocument()
    }
    const rows = within(table).getAllByRole('row').slice(1)
    expect(rows).toHaveLength(3)
    expect(rows[1]).toHaveTextContent('http://127.0.0.1:12379')
    expect(rows[1]).toHaveTextContent('http://127.0.0.1:12380')
    expect(rows[1]).toHaveTextContent('4001')
    expect(rows[1]).toHaveTextContent('running')
    await waitFor(() =>
      expect(within(rows[0] as HTMLElement).getByText('leader')).toBeInTheDocument(),
    )
    expect(within(rows[1] as HTMLElement).queryByText('leader')).not.toBeInTheDocument()
  })

  it('kills a member through member:kill and shows the returned state', async () => {
    const { api, cluster } = runningClusterApi()
    const killed = clusterView('demo', ['running', 'crashed', 'running'])
    api.handle('member:kill', () => ok(killed))
    renderWithApi(<Desk />, api)
    await portTable()
    await userEvent.click(screen.getByRole('button', { name: 'Kill etcd2' }))
    expect(api.requestsOf('member:kill')).toEqual([{ cluster: 'demo', member: 'etcd2' }])
    await waitFor(() => expect(screen.getByRole('button', { name: 'Start etcd2' })).toBeEnabled())
    expect(screen.getByRole('button', { name: 'Stop etcd2' })).toBeDisabled()
    expect(cluster.members[1]?.state).toBe('running')
  })

  it('starts, stops and restarts members with the matching requests', async () => {
    const { api } = runningClusterApi()
    const stopped = clusterView('demo', ['stopped', 'running', 'running'])
    api.handle('member:stop', () => ok(stopped))
    api.handle('member:start', () => ok(clusterView('demo')))
    api.handle('member:restart', () => ok(clusterView('demo')))
    renderWithApi(<Desk />, api)
    await portTable()
    await userEvent.click(screen.getByRole('button', { name: 'Stop etcd1' }))
    await userEvent.click(await screen.findByRole('button', { name: 'Start etcd1' }))
    await userEvent.click(screen.getByRole('button', { name: 'Restart etcd3' }))
    expect(
      api.requests.filter((r) => r.channel.startsWith('member:')).map((r) => r.channel),
    ).toEqual(['member:stop', 'member:start', 'member:restart'])
  })

  it('explains a failed member action with its hint', async () => {
    const { api } = runningClusterApi()
    api.handle('member:kill', () =>
      fail({ code: 'MEMBER_NOT_RUNNING', message: 'Member etcd3 of cluster demo is not running.' }),
    )
    renderWithApi(<Desk />, api)
    await portTable()
    await userEvent.click(screen.getByRole('button', { name: 'Kill etcd3' }))
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Could not kill etcd3: The member is not running')
    expect(alert).toHaveTextContent('Click Start on its row first.')
  })

  it('asks before deleting a cluster, says data is deleted, and stops it first', async () => {
    const { api } = runningClusterApi()
    api.handle('cluster:stop', () => ok(clusterView('demo', 'stopped')))
    api.handle('cluster:delete', () => ok(null))
    renderWithApi(<Desk />, api)
    await portTable()
    await userEvent.click(screen.getByRole('button', { name: 'Delete cluster' }))
    const dialog = screen.getByRole('dialog', { name: 'Delete cluster demo?' })
    expect(dialog).toHaveTextContent(/data of its 3 members .* is deleted/)
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(api.requestsOf('cluster:delete')).toHaveLength(0)
    await userEvent.click(screen.getByRole('button', { name: 'Delete cluster' }))
    await userEvent.click(screen.getByRole('button', { name: 'Stop and delete' }))
    await waitFor(() => expect(api.requestsOf('cluster:delete')).toEqual([{ cluster: 'demo' }]))
    expect(api.requestsOf('cluster:stop')).toEqual([{ cluster: 'demo' }])
    await waitFor(() => expect(screen.queryByRole('table')).not.toBeInTheDocument())
    expect(screen.getByText('No clusters yet')).toBeInTheDocument()
  })

  it('moves the leader mark and records the election from pushes', async () => {
    const { api, cluster } = runningClusterApi()
    renderWithApi(<Desk />, api)
    const table = await portTable()
    await waitFor(() => expect(within(table).getAllByText('leader')).toHaveLength(1))
    const next = clusterStatus(cluster, 'etcd2', '2025-01-01T10:00:05.000Z')
    const change = { at: next.at, from: 'etcd1', to: 'etcd2', term: '3' }
    act(() => {
      api.emit('status:update', { ...next, leaderChanges: [] })
      api.emit('leader:changed', { cluster: 'demo', change })
    })
    const rows = within(table).getAllByRole('row').slice(1)
    await waitFor(() =>
      expect(within(rows[1] as HTMLElement).getByText('leader')).toBeInTheDocument(),
    )
    expect(within(rows[0] as HTMLElement).queryByText('leader')).not.toBeInTheDocument()
    expect(screen.getByText(/took over from etcd1/)).toBeInTheDocument()
    expect(screen.getByRole('article', { name: 'Status of etcd2' })).toHaveTextContent('(new)')
    expect(api.requestsOf('cluster:status')).toHaveLength(1)
  })

  it('shows health, raft progress, DB size and version per member', async () => {
    const { api } = runningClusterApi()
    renderWithApi(<Desk />, api)
    const card = await screen.findByRole('article', { name: 'Status of etcd1' })
    expect(card).toHaveTextContent('healthy')
    expect(card).toHaveTextContent('42 / 41')
    expect(card).toHaveTextContent('20 KiB')
    expect(card).toHaveTextContent('3.5.17')
  })

  it('shows an unreachable member clearly, with the reason', async () => {
    const cluster = clusterView('demo')
    const status = clusterStatus(cluster, 'etcd1')
    const third = status.members[2]
    if (!third) throw new Error('fixture')
    Object.assign(third, {
      healthy: false,
      unreachable: 'context deadline exceeded',
      raftTerm: null,
    })
    const api = new FakeApi({
      'clusters:list': () => ok([cluster]),
      'cluster:status': () => ok(status),
    })
    renderWithApi(<Desk />, api)
    const card = await screen.findByRole('article', { name: 'Status of etcd3' })
    expect(card).toHaveTextContent('unreachable')
    expect(card).toHaveTextContent('context deadline exceeded')
  })

  it('says a stopped cluster is stopped and offers no leader', async () => {
    const api = new FakeApi({ 'clusters:list': () => ok([clusterView('demo', 'stopped')]) })
    renderWithApi(<Desk />, api)
    await portTable()
    expect(screen.getByText('The cluster is stopped')).toBeInTheDocument()
    expect(screen.queryByText('leader')).not.toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Kill etcd1' })).toBeDisabled()
  })
})
