import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ClusterView, MemberState } from '../../src/shared/cluster'
import type { DiscoveryRegistryView, RegistryKey } from '../../src/shared/discovery-registry'
import { DiscoveryRegistryPanel } from '../../src/renderer/src/features/discovery/discovery-registry-panel'
import { KeysTab } from '../../src/renderer/src/features/keys/keys-tab'
import { ApiProvider } from '../../src/renderer/src/features/shared/api-context'
import { FakeApi, fail, ok } from './fake-api'
import { clusterView, renderWithApi } from './fixtures'

const TOKEN = '5a8c3a1e-0000-4000-8000-000000000001'
const PREFIX = `/_etcd/registry/${TOKEN}/`
const SIZE: RegistryKey = { key: `${PREFIX}_config/size`, value: '3', kind: 'size' }
const MEMBERS: RegistryKey[] = ['etcd1', 'etcd2', 'etcd3'].map((name, i) => ({
  key: `${PREFIX}8e9e05c52164694${i}`,
  value: `${name}=http://127.0.0.1:${2380 + 10000 * i}`,
  kind: 'member',
}))

/** A cluster bootstrapped by discovery, its members in `state`. */
function discoveryCluster(state: MemberState | MemberState[] = 'running'): ClusterView {
  const view = clusterView('demo', state)
  const discovery = {
    protocol: 'v2' as const,
    token: TOKEN,
    size: 3,
    endpoint: 'http://127.0.0.1:41000',
  }
  return { ...view, definition: { ...view.definition, bootstrap: 'discovery', discovery } }
}

/** The engine's answer with these keys (null: the discovery etcd does not run). */
function registry(keys: RegistryKey[] | null, total = keys?.length ?? 0): DiscoveryRegistryView {
  return {
    cluster: 'demo',
    protocol: 'v2',
    token: TOKEN,
    prefix: PREFIX,
    url: `http://127.0.0.1:41000/v2/keys/_etcd/registry/${TOKEN}`,
    expectedSize: 3,
    keys,
    total,
    readAt: '2025-01-01T10:00:00.000Z',
  }
}

afterEach(() => {
  vi.useRealTimers()
})

describe('Keys: the discovery registry', () => {
  it('switches the Keys tab to the registry: the size and the three members by name', async () => {
    const api = new FakeApi({ 'discovery:registry': () => ok(registry([SIZE, ...MEMBERS])) })
    renderWithApi(
      <KeysTab cluster={discoveryCluster()} onAction={vi.fn()} compactedAt={null} isActive />,
      api,
    )
    const source = screen.getByRole('group', { name: 'Key source' })
    expect(within(source).getByRole('button', { name: 'Cluster keys' })).toHaveAttribute(
      'aria-pressed',
      'true',
    )
    expect(api.requestsOf('discovery:registry')).toHaveLength(0)
    await userEvent.click(within(source).getByRole('button', { name: 'Discovery registry' }))

    const table = await screen.findByRole('table', { name: 'Discovery registry keys' })
    const rows = within(table).getAllByRole('row').slice(1)
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual([
      SIZE.key,
      ...MEMBERS.map((m) => m.key),
    ])
    expect(within(rows[0]!).getByText('Cluster size: 3')).toBeVisible()
    expect(within(rows[1]!).getByText('Member etcd1, peer URL http://127.0.0.1:2380')).toBeVisible()
    expect(within(rows[3]!).getByText('etcd3=http://127.0.0.1:22380')).toBeVisible()
    expect(screen.getByText('3 of 3 members registered: the cluster is complete.')).toBeVisible()
    expect(screen.getByText(TOKEN)).toBeVisible()
    expect(api.requestsOf('discovery:registry')).toEqual([{ cluster: 'demo' }])
    // The key browser is kept (hidden), and comes back with one click.
    await userEvent.click(within(source).getByRole('button', { name: 'Cluster keys' }))
    expect(screen.queryByRole('table', { name: 'Discovery registry keys' })).toBeNull()
  })

  it('offers no switch for a cluster bootstrapped statically', () => {
    renderWithApi(
      <KeysTab cluster={clusterView('demo')} onAction={vi.fn()} compactedAt={null} isActive />,
      new FakeApi(),
    )
    expect(screen.queryByRole('group', { name: 'Key source' })).toBeNull()
  })

  it('asks again every second while the members start, showing them register one by one', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'], shouldAdvanceTime: true })
    let asked = 0
    const api = new FakeApi({
      'discovery:registry': () => ok(registry([SIZE, ...MEMBERS.slice(0, asked++)])),
    })
    renderWithApi(<DiscoveryRegistryPanel cluster={discoveryCluster('starting')} isActive />, api)
    expect(await screen.findByText('0 of 3 members registered.')).toBeVisible()
    for (const joined of [1, 2, 3]) {
      act(() => {
        vi.advanceTimersByTime(1_000)
      })
      const done = joined === 3 ? ': the cluster is complete.' : '.'
      expect(await screen.findByText(`${joined} of 3 members registered${done}`)).toBeVisible()
    }
    expect(api.requestsOf('discovery:registry')).toHaveLength(4)
  })

  it('does not keep asking once the cluster runs, nor while hidden; Refresh asks once more', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'], shouldAdvanceTime: true })
    const api = new FakeApi({ 'discovery:registry': () => ok(registry([SIZE, ...MEMBERS])) })
    const { rerender } = renderWithApi(
      <DiscoveryRegistryPanel cluster={discoveryCluster('running')} isActive />,
      api,
    )
    await screen.findByRole('table', { name: 'Discovery registry keys' })
    act(() => {
      vi.advanceTimersByTime(5_000)
    })
    expect(api.requestsOf('discovery:registry')).toHaveLength(1)
    rerender(
      <ApiProvider api={api}>
        <DiscoveryRegistryPanel cluster={discoveryCluster('starting')} isActive={false} />
      </ApiProvider>,
    )
    act(() => {
      vi.advanceTimersByTime(5_000)
    })
    expect(api.requestsOf('discovery:registry')).toHaveLength(1)
    await userEvent.click(screen.getByRole('button', { name: 'Refresh registry' }))
    await waitFor(() => expect(api.requestsOf('discovery:registry')).toHaveLength(2))
  })

  it('says when the discovery etcd does not run, and how many keys a long registry holds', async () => {
    const api = new FakeApi({ 'discovery:registry': () => ok(registry(null)) })
    const { unmount } = renderWithApi(
      <DiscoveryRegistryPanel cluster={discoveryCluster('stopped')} isActive />,
      api,
    )
    expect(await screen.findByText(/The discovery etcd is not running/)).toBeVisible()
    expect(screen.queryByRole('table')).toBeNull()
    unmount()

    const odd: RegistryKey = {
      key: `${PREFIX}zz`,
      value: '<img src=x onerror=alert(1)>',
      kind: 'other',
    }
    api.handle('discovery:registry', () => ok(registry([SIZE, odd], 140)))
    renderWithApi(<DiscoveryRegistryPanel cluster={discoveryCluster()} isActive />, api)
    expect(await screen.findByText('Showing the first 2 of 140 keys.')).toBeVisible()
    // Values are text, never markup.
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeVisible()
    expect(screen.getByText('Not written by etcd discovery')).toBeVisible()
  })

  it('shows a failed read with what to do, and reads again on Retry', async () => {
    const api = new FakeApi({
      'discovery:registry': () =>
        fail({
          code: 'DISCOVERY_UNREACHABLE',
          message: 'The discovery etcd at http://127.0.0.1:41000 does not answer (ECONNREFUSED).',
          detail: { url: 'http://127.0.0.1:41000', reason: 'ECONNREFUSED' },
        }),
    })
    renderWithApi(<DiscoveryRegistryPanel cluster={discoveryCluster()} isActive />, api)
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Could not read the discovery registry')
    expect(alert).toHaveTextContent('ECONNREFUSED')
    api.handle('discovery:registry', () => ok(registry([SIZE, ...MEMBERS])))
    await userEvent.click(within(alert).getByRole('button', { name: /Retry/ }))
    expect(await screen.findByRole('table', { name: 'Discovery registry keys' })).toBeVisible()
  })
})
