import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { Desk } from '../../src/renderer/src/features/desk/desk'
import type { ConnectionTestResult, ConnectionView } from '../../src/shared/connections'
import { words } from '../../src/shared/engine-words/engine-words'
import { FakeApi, fail, ok } from './fake-api'
import { clusterStatus, clusterView, renderWithApi } from './fixtures'

const saved: ConnectionView = {
  name: 'team',
  endpoints: ['https://10.0.0.5:2379', 'https://10.0.0.6:2379'],
  tls: { caFile: '/home/me/ca.crt', certFile: null, keyFile: null },
  username: 'root',
  readOnly: true,
  hasPassword: true,
}

const tested: ConnectionTestResult = {
  isOk: true,
  endpoints: [
    {
      endpoint: 'https://10.0.0.5:2379',
      isOk: true,
      problem: null,
      words: null,
      problemWords: null,
      detail: null,
      version: '3.5.16',
      memberId: '8e9e05c52164694d',
    },
    {
      endpoint: 'https://10.0.0.6:2379',
      isOk: false,
      problem: 'tls-unknown-authority',
      words:
        'The server’s certificate is not signed by the CA given (unknown authority): choose the CA file that signed it.',
      problemWords: words('engine-notices:connectionProblem.tls-unknown-authority'),
      detail: '14 UNAVAILABLE: unable to verify the first certificate',
      version: null,
      memberId: null,
    },
  ],
  members: [{ name: 'a', clientUrls: ['https://10.0.0.5:2379'], isLearner: false }],
}

describe('Connect to cluster', () => {
  it('tests each endpoint in plain words, then saves read-only by default', async () => {
    const api = new FakeApi({
      'connections:test': () => ok(tested),
      'connections:save': ({ spec }) => ok({ ...spec, hasPassword: true }),
      'connections:open': () => ok(clusterStatus(clusterView('team'), 'etcd1')),
    })
    renderWithApi(<Desk />, api)
    await userEvent.click(await screen.findByRole('button', { name: 'Connect to cluster' }))
    const dialog = screen.getByRole('dialog', { name: 'Connect to cluster' })
    await userEvent.type(within(dialog).getByLabelText('Name'), 'team')
    await userEvent.type(
      within(dialog).getByLabelText('Endpoints'),
      'https://10.0.0.5:2379{enter}https://10.0.0.6:2379',
    )
    await userEvent.click(within(dialog).getByLabelText('TLS'))
    await userEvent.type(within(dialog).getByLabelText('CA certificate file'), '/home/me/ca.crt')
    await userEvent.type(within(dialog).getByLabelText('User name'), 'root')
    await userEvent.type(within(dialog).getByLabelText('Password'), 'secret')
    expect(within(dialog).getByLabelText('Read-only')).toBeChecked()
    await userEvent.click(within(dialog).getByRole('button', { name: 'Test connection' }))
    const result = await within(dialog).findByRole('status', { name: 'Connection test' })
    expect(result).toHaveTextContent('✓ etcd 3.5.16, member 8e9e05c52164694d')
    expect(result).toHaveTextContent(/unknown authority/)
    expect(api.requestsOf('connections:test')[0]).toEqual({
      spec: {
        name: 'team',
        endpoints: ['https://10.0.0.5:2379', 'https://10.0.0.6:2379'],
        tls: {
          caFile: '/home/me/ca.crt',
          certFile: null,
          keyFile: null,
          skipServerVerification: false,
        },
        username: 'root',
        readOnly: true,
      },
      password: 'secret',
    })
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }))
    expect(api.requestsOf('connections:save')[0]).toMatchObject({ isNew: true, password: 'secret' })
  })

  it('warns wherever a connection skips server verification', async () => {
    const unverified = { ...saved, tls: { ...saved.tls!, skipServerVerification: true } }
    const api = new FakeApi({
      'connections:list': () => ok([unverified]),
      'connections:save': ({ spec }) => ok({ ...spec, hasPassword: true }),
      'connections:open': () => ok(clusterStatus(clusterView('team'), 'etcd1')),
    })
    renderWithApi(<Desk />, api)
    await userEvent.click(await screen.findByRole('button', { name: 'Connect to cluster' }))
    const dialog = screen.getByRole('dialog', { name: 'Connect to cluster' })
    await userEvent.type(within(dialog).getByLabelText('Name'), 'lab')
    await userEvent.type(within(dialog).getByLabelText('Endpoints'), 'https://10.0.0.7:2379')
    await userEvent.click(within(dialog).getByLabelText('TLS'))
    expect(within(dialog).queryByRole('alert')).toBeNull()
    await userEvent.click(within(dialog).getByLabelText('Skip server verification'))
    expect(within(dialog).getByRole('alert')).toHaveTextContent(/Server verification is off/)
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }))
    expect(api.requestsOf('connections:save')[0]?.spec.tls?.skipServerVerification).toBe(true)
    const sidebar = await screen.findByRole('navigation', { name: 'Connected clusters' })
    await userEvent.click(await within(sidebar).findByRole('button', { name: /team.*unverified/ }))
    expect(await screen.findByText('unverified server')).toBeInTheDocument()
    expect(screen.getByRole('alert')).toHaveTextContent(/Server verification is off/)
  })

  it('shows a connected cluster with its badge, every member’s status, and no local-only tabs', async () => {
    const status = clusterStatus(clusterView('team'), 'etcd2')
    const api = new FakeApi({
      'connections:list': () => ok([saved]),
      'connections:open': () => ok(status),
      'cluster:status': () => ok(status),
    })
    renderWithApi(<Desk />, api)
    const sidebar = await screen.findByRole('navigation', { name: 'Connected clusters' })
    await userEvent.click(await within(sidebar).findByRole('button', { name: /team/ }))
    expect(await screen.findByText('connected cluster')).toBeInTheDocument()
    const table = await screen.findByRole('table', { name: 'Members of the connected cluster' })
    expect(within(table).getAllByRole('row')).toHaveLength(4)
    expect(within(table).getByRole('row', { name: /etcd2 leader/ })).toBeInTheDocument()
    expect(screen.queryByRole('tab', { name: 'Logs' })).toBeNull()
    expect(screen.getByText(/etcd Desk does not run this cluster/)).toBeInTheDocument()
    expect(api.requestsOf('connections:open')).toEqual([{ connection: 'team' }])
  })

  it('maintains a connected cluster, naming it in every destructive confirmation', async () => {
    const view = clusterView('team')
    const status = {
      ...clusterStatus(view, 'etcd2'),
      memberList: view.members.map((m, i) => ({
        id: `${i + 1}`.repeat(16),
        name: m.name,
        peerUrls: [m.peerUrl],
        clientUrls: [m.clientUrl],
        isLearner: false,
      })),
    }
    const api = new FakeApi({
      'connections:list': () => ok([{ ...saved, readOnly: false }]),
      'connections:open': () => ok(status),
      'cluster:status': () => ok(status),
      'maintenance:compact': () => ok({ revision: '42' }),
    })
    renderWithApi(<Desk />, api)
    const sidebar = await screen.findByRole('navigation', { name: 'Connected clusters' })
    await userEvent.click(await within(sidebar).findByRole('button', { name: /team/ }))
    await userEvent.click(await screen.findByRole('tab', { name: 'Maintenance' }))
    for (const section of ['Snapshots', 'Defragment', 'Compact', 'Alarms']) {
      expect(screen.getByRole('heading', { name: section })).toBeInTheDocument()
    }
    // The defragment twin runs followers first and the leader (etcd2) last, on the members' URLs.
    const twins = await screen.findAllByText(/etcdctl.* defrag/)
    expect(twins.at(-1)).toHaveTextContent(status.memberList[1]!.clientUrls[0]!)
    await userEvent.click(screen.getByRole('button', { name: 'Compact…' }))
    const dialog = screen.getByRole('dialog', {
      name: 'Compact the history? (connected cluster team)',
    })
    expect(dialog).toHaveTextContent(/This acts on team \(https:\/\/10\.0\.0\.5:2379/)
    await userEvent.click(within(dialog).getByRole('button', { name: /^Compact to/ }))
    expect(api.requestsOf('maintenance:compact')).toEqual([{ cluster: 'team' }])
    expect(await screen.findByText(/^Compacted: history before revision/)).toHaveTextContent('42')
  })

  it('says what each endpoint answered when none does', async () => {
    const api = new FakeApi({
      'connections:list': () => ok([saved]),
      'connections:open': () =>
        fail({
          code: 'CONNECTION_FAILED',
          message: 'No endpoint of connection team answered.',
          detail: {
            connection: 'team',
            problems: [
              {
                endpoint: 'https://10.0.0.5:2379',
                words: 'Nothing listens on that host and port.',
                detail: 'ECONNREFUSED',
              },
            ],
          },
        }),
    })
    renderWithApi(<Desk />, api)
    const sidebar = await screen.findByRole('navigation', { name: 'Connected clusters' })
    await userEvent.click(await within(sidebar).findByRole('button', { name: /team/ }))
    expect(
      await screen.findByText(/https:\/\/10\.0\.0\.5:2379: Nothing listens/),
    ).toBeInTheDocument()
  })
})
