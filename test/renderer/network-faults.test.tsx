import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { CommandsPanel } from '../../src/renderer/src/features/commands/commands-panel'
import { Desk } from '../../src/renderer/src/features/desk/desk'
import type { ClusterView, MemberFaults } from '../../src/shared/cluster'
import { tutorialMembers } from '../../src/shared/port-scheme'
import { FakeApi, fail, ok } from './fake-api'
import { clusterStatus, clusterView, renderWithApi, suggestTutorial } from './fixtures'
import { openSuggestedDialog } from './create-dialog-fixture'

/** A running tutorial cluster with network faults; `faults` per member (none by default). */
function faultyCluster(faults: Partial<Record<string, Partial<MemberFaults>>> = {}): ClusterView {
  const base = clusterView('demo')
  const members = tutorialMembers(3, 0, true)
  return {
    ...base,
    definition: { ...base.definition, networkFaults: true, members },
    members: base.members.map((m, i) => ({
      ...m,
      proxyPort: members[i]!.proxyPort!,
      peerUrl: `http://127.0.0.1:${members[i]!.proxyPort!}`,
      faults: { isolated: false, latencyMs: 0, ...faults[m.name] },
    })),
  }
}

describe('Create cluster: Network faults', () => {
  it('is an advanced option, off by default, that says what it does', async () => {
    await openSuggestedDialog(new FakeApi({ 'cluster:suggest': suggestTutorial }))
    await userEvent.click(screen.getByText('Advanced options'))
    const box = screen.getByRole('checkbox', { name: 'Network faults' })
    expect(box).not.toBeChecked()
    expect(box).toHaveAccessibleDescription(/through a small proxy in etcd Desk/)
    expect(screen.queryByLabelText('Proxy port of etcd1')).not.toBeInTheDocument()
  })

  it('gives each member a proxy port and sends networkFaults with the spec', async () => {
    const api = new FakeApi({ 'cluster:suggest': suggestTutorial })
    api.handle('cluster:create', () => ok(faultyCluster()))
    await openSuggestedDialog(api)
    await userEvent.click(screen.getByText('Advanced options'))
    await userEvent.click(screen.getByRole('checkbox', { name: 'Network faults' }))
    expect(screen.getByLabelText('Proxy port of etcd1')).toHaveValue(3380)
    expect(screen.getByLabelText('Proxy port of etcd3')).toHaveValue(23380)
    const proxy2 = screen.getByLabelText('Proxy port of etcd2')
    await userEvent.clear(proxy2)
    await userEvent.type(proxy2, '12380')
    expect(screen.getByText(/Port 12380 is used twice: etcd2 peer and etcd2 proxy/)).toBeVisible()
    await userEvent.clear(proxy2)
    await userEvent.type(proxy2, '13390')
    await userEvent.click(screen.getByRole('button', { name: 'Create' }))
    await waitFor(() => expect(api.requestsOf('cluster:create')).toHaveLength(1))
    expect(api.requestsOf('cluster:create')[0]).toMatchObject({
      networkFaults: true,
      members: [
        { name: 'etcd1', peerPort: 2380, proxyPort: 3380 },
        { name: 'etcd2', peerPort: 12380, proxyPort: 13390 },
        { name: 'etcd3', peerPort: 22380, proxyPort: 23380 },
      ],
    })
  })

  it('asks the engine for proxy ports too when the member count changes', async () => {
    const api = new FakeApi({ 'cluster:suggest': suggestTutorial })
    await openSuggestedDialog(api)
    await userEvent.click(screen.getByRole('checkbox', { name: 'Network faults' }))
    await userEvent.selectOptions(screen.getByLabelText('Members'), '5')
    await waitFor(() => expect(screen.getByLabelText('Proxy port of etcd5')).toHaveValue(43380))
    expect(api.requestsOf('cluster:suggest').at(-1)).toEqual({
      memberCount: 5,
      networkFaults: true,
    })
    await userEvent.click(screen.getByRole('checkbox', { name: 'Network faults' }))
    expect(screen.queryByLabelText('Proxy port of etcd1')).not.toBeInTheDocument()
  })
})

describe('Port table: network faults', () => {
  function faultsApi(cluster: ClusterView) {
    return new FakeApi({
      'clusters:list': () => ok([cluster]),
      'cluster:status': () => ok(clusterStatus(cluster, 'etcd1')),
    })
  }

  it('isolates and heals a member, showing the marker on its row', async () => {
    const api = faultsApi(faultyCluster())
    api.handle('member:isolate', () =>
      ok({ ...faultyCluster({ etcd2: { isolated: true } }), revision: 2 }),
    )
    api.handle('member:heal', () => ok({ ...faultyCluster(), revision: 3 }))
    renderWithApi(<Desk />, api)
    await userEvent.click(await screen.findByRole('button', { name: 'Isolate etcd2' }))
    expect(api.requestsOf('member:isolate')).toEqual([{ cluster: 'demo', member: 'etcd2' }])
    const row = screen.getByRole('row', { name: /etcd2/ })
    await waitFor(() => expect(within(row).getByText('isolated')).toBeInTheDocument())
    await userEvent.click(within(row).getByRole('button', { name: 'Heal etcd2' }))
    expect(api.requestsOf('member:heal')).toEqual([{ cluster: 'demo', member: 'etcd2' }])
    await waitFor(() => expect(within(row).queryByText('isolated')).not.toBeInTheDocument())
  })

  it('adds latency (200 ms unless changed) and removes it', async () => {
    const api = faultsApi(faultyCluster())
    api.handle('member:latency', ({ ms }) =>
      ok({ ...faultyCluster({ etcd3: { latencyMs: ms } }), revision: ms === 0 ? 3 : 2 }),
    )
    renderWithApi(<Desk />, api)
    const ms = await screen.findByRole('spinbutton', { name: 'Latency of etcd3' })
    expect(ms).toHaveValue(200)
    await userEvent.clear(ms)
    await userEvent.type(ms, '350')
    await userEvent.click(screen.getByRole('button', { name: 'Add latency to etcd3' }))
    const row = screen.getByRole('row', { name: /etcd3/ })
    await waitFor(() => expect(within(row).getByText('+350 ms')).toBeInTheDocument())
    await userEvent.click(within(row).getByRole('button', { name: 'Remove latency of etcd3' }))
    expect(api.requestsOf('member:latency')).toEqual([
      { cluster: 'demo', member: 'etcd3', ms: 350 },
      { cluster: 'demo', member: 'etcd3', ms: 0 },
    ])
    await waitFor(() => expect(within(row).queryByText('+350 ms')).not.toBeInTheDocument())
  })

  it('explains a refused fault action', async () => {
    const api = faultsApi(faultyCluster())
    api.handle('member:isolate', () =>
      fail({
        code: 'CLUSTER_BUSY',
        message: 'Cluster demo is busy: Restarting member etcd1.',
        detail: { cluster: 'demo', operation: 'member-restart', label: 'Restarting member etcd1' },
      }),
    )
    renderWithApi(<Desk />, api)
    await userEvent.click(await screen.findByRole('button', { name: 'Isolate etcd1' }))
    expect(await screen.findByText(/Could not isolate etcd1/)).toBeInTheDocument()
  })

  it('shows no fault controls for a cluster without network faults', async () => {
    renderWithApi(<Desk />, faultsApi(clusterView('demo')))
    await screen.findByRole('button', { name: 'Kill etcd2' })
    expect(screen.queryByRole('button', { name: 'Isolate etcd2' })).not.toBeInTheDocument()
    expect(screen.queryByRole('spinbutton', { name: 'Latency of etcd2' })).not.toBeInTheDocument()
  })
})

describe('Commands: network faults', () => {
  it('says what the proxies in etcd Desk change in the command lines', async () => {
    const api = new FakeApi()
    renderWithApi(<CommandsPanel cluster={faultyCluster()} lastKeyAction={null} />, api)
    const note = await screen.findByText(/The proxies are part of etcd Desk, not of etcd/)
    expect(note).toHaveTextContent('etcd1: 2380')
    expect(note).toHaveTextContent('etcd1: 3380')
  })

  it('adds nothing for a cluster without network faults', async () => {
    renderWithApi(
      <CommandsPanel cluster={clusterView('demo')} lastKeyAction={null} />,
      new FakeApi(),
    )
    await screen.findByText(/Exactly what etcd Desk runs/)
    expect(screen.queryByText(/The proxies are part of etcd Desk/)).not.toBeInTheDocument()
  })
})
