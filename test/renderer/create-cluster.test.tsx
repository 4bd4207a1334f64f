import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { CreateClusterDialog } from '../../src/renderer/src/features/create-cluster/create-cluster-dialog'
import { Desk } from '../../src/renderer/src/features/desk/desk'
import type { ClusterView } from '../../src/shared/cluster'
import type { Result } from '../../src/shared/result'
import { FakeApi, fail, ok } from './fake-api'
import { clusterView, renderWithApi, suggestTutorial } from './fixtures'

function suggestingApi(): FakeApi {
  return new FakeApi({
    'cluster:suggest': suggestTutorial,
  })
}

async function openDialog(api: FakeApi, onCreated = vi.fn()) {
  renderWithApi(
    <CreateClusterDialog
      clusters={[clusterView('taken', 'stopped', 1, 5)]}
      onClose={vi.fn()}
      onCreated={onCreated}
      onShowCluster={vi.fn()}
    />,
    api,
  )
  const name = await screen.findByLabelText('Name')
  await waitFor(() => expect(name).toHaveValue('cluster-1'))
  await screen.findByRole('option', { name: /System etcd 3\.5\.17/ })
  return { name, dialog: screen.getByRole('dialog', { name: 'Create cluster' }) }
}

describe('Create cluster dialog', () => {
  it('opens from the Create cluster button with the tutorial ports suggested by the engine', async () => {
    const api = suggestingApi()
    renderWithApi(<Desk />, api)
    await userEvent.click(
      (await screen.findAllByRole('button', { name: 'Create cluster' }))[0] as HTMLElement,
    )
    const dialog = await screen.findByRole('dialog', { name: 'Create cluster' })
    await waitFor(() =>
      expect(within(dialog).getByLabelText('Client port of etcd1')).toHaveValue(2379),
    )
    expect(within(dialog).getByLabelText('Client port of etcd2')).toHaveValue(12379)
    expect(within(dialog).getByLabelText('Peer port of etcd3')).toHaveValue(22380)
    expect(within(dialog).getByLabelText('Members')).toHaveValue('3')
    expect(api.requestsOf('cluster:suggest')).toEqual([{ memberCount: 3 }])
  })

  it('shows a bad name inline and sends nothing', async () => {
    const api = suggestingApi()
    const { name } = await openDialog(api)
    await userEvent.clear(name)
    await userEvent.type(name, 'Bad Name!')
    expect(screen.getByText(/must be 1–40 lower-case letters/)).toBeInTheDocument()
    expect(name).toHaveAttribute('aria-invalid', 'true')
    await userEvent.click(screen.getByRole('button', { name: 'Create' }))
    expect(screen.getByText(/Fix the problem marked above; nothing was sent/)).toBeInTheDocument()
    expect(api.requestsOf('cluster:create')).toHaveLength(0)
  })

  it('flags a duplicate port and an out-of-range port before sending', async () => {
    const api = suggestingApi()
    await openDialog(api)
    const client2 = screen.getByLabelText('Client port of etcd2')
    await userEvent.clear(client2)
    await userEvent.type(client2, '2379')
    expect(
      screen.getByText(/Port 2379 is used twice: etcd1 client and etcd2 client/),
    ).toBeInTheDocument()
    const peer3 = screen.getByLabelText('Peer port of etcd3')
    await userEvent.clear(peer3)
    await userEvent.type(peer3, '70000')
    expect(screen.getByText(/peer port 70000 is outside 1024–65535/)).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Create' }))
    expect(screen.getByText(/Fix the 2 problems marked above/)).toBeInTheDocument()
    expect(api.requestsOf('cluster:create')).toHaveLength(0)
  })

  it('refuses a name that an existing cluster has', async () => {
    const api = suggestingApi()
    const { name } = await openDialog(api)
    await userEvent.clear(name)
    await userEvent.type(name, 'taken')
    expect(screen.getByText('A cluster named taken already exists.')).toBeInTheDocument()
  })

  it('sends cluster:create with the edited spec and reports the created cluster', async () => {
    const api = suggestingApi()
    const created = clusterView('demo')
    api.handle('cluster:create', () => ok(created))
    const onCreated = vi.fn()
    const { name } = await openDialog(api, onCreated)
    await userEvent.clear(name)
    await userEvent.type(name, 'demo')
    await userEvent.selectOptions(screen.getByLabelText('Members'), '1')
    await waitFor(() =>
      expect(screen.queryByLabelText('Client port of etcd2')).not.toBeInTheDocument(),
    )
    const client1 = screen.getByLabelText('Client port of etcd1')
    await userEvent.clear(client1)
    await userEvent.type(client1, '3379')
    await userEvent.click(screen.getByRole('button', { name: 'Create' }))
    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(created))
    expect(api.requestsOf('cluster:create')).toEqual([
      {
        name: 'demo',
        members: [{ name: 'etcd1', clientPort: 3379, peerPort: 2380 }],
        etcdVersion: 'system',
        host: '127.0.0.1',
      },
    ])
  })

  it('explains PORT_IN_USE with the port, member and holder, and what to do', async () => {
    const api = suggestingApi()
    api.handle('cluster:create', () =>
      fail({
        code: 'PORT_IN_USE',
        message:
          'Port 2379 (client port of member etcd1 in cluster cluster-1) is in use by nginx (pid 77).',
        detail: {
          port: 2379,
          member: 'etcd1',
          kind: 'client',
          cluster: 'cluster-1',
          owner: { pid: 77, command: 'nginx' },
        },
      }),
    )
    await openDialog(api)
    await userEvent.click(screen.getByRole('button', { name: 'Create' }))
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('A port is already in use')
    expect(alert).toHaveTextContent('Port: 2379 (client)')
    expect(alert).toHaveTextContent('Member: etcd1')
    expect(alert).toHaveTextContent('Held by: nginx (pid 77)')
    expect(alert).toHaveTextContent('Stop the process holding the port')
  })

  it('shows the log tail of a START_TIMEOUT and offers to show the saved cluster', async () => {
    const api = suggestingApi()
    let finish: (r: Result<ClusterView>) => void = () => undefined
    api.handle('cluster:create', () => new Promise((resolve) => (finish = resolve)))
    const onShow = vi.fn()
    renderWithApi(
      <CreateClusterDialog
        clusters={[]}
        onClose={vi.fn()}
        onCreated={vi.fn()}
        onShowCluster={onShow}
      />,
      api,
    )
    await waitFor(() => expect(screen.getByLabelText('Name')).toHaveValue('cluster-1'))
    await screen.findByRole('option', { name: /System etcd/ })
    await userEvent.click(screen.getByRole('button', { name: 'Create' }))
    expect(screen.getByRole('button', { name: 'Create' })).toHaveAttribute('aria-busy', 'true')
    expect(
      screen.getByText(/Starting 3 members and waiting until they are healthy/),
    ).toBeInTheDocument()
    finish(
      fail({
        code: 'START_TIMEOUT',
        message: 'Member etcd2 of cluster cluster-1 did not become healthy in time.',
        detail: {
          cluster: 'cluster-1',
          member: 'etcd2',
          logTail: ['rafthttp: dial tcp 127.0.0.1:12380: connection refused'],
        },
      }),
    )
    expect(await screen.findByText(/connection refused/)).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Show cluster cluster-1' }))
    expect(onShow).toHaveBeenCalledWith('cluster-1')
  })
})
