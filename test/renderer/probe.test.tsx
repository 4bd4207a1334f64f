import { act, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { CommandsPanel } from '../../src/renderer/src/features/commands/commands-panel'
import { Desk } from '../../src/renderer/src/features/desk/desk'
import { KeysPanel } from '../../src/renderer/src/features/keys/keys-panel'
import { ProbePanel } from '../../src/renderer/src/features/probe/probe-panel'
import type { ProbeStats } from '../../src/shared/probe'
import { FakeApi, fail, ok } from './fake-api'
import { bytes, clusterStatus, clusterView, keyEntry, renderWithApi } from './fixtures'

/** Probe figures of cluster demo; `seconds` after 10:00:00. */
function probeStats(patch: Partial<ProbeStats> = {}, seconds = 0): ProbeStats {
  return {
    cluster: 'demo',
    isRunning: true,
    at: new Date(Date.UTC(2025, 0, 1, 10, 0, seconds)).toISOString(),
    ok: 0,
    failed: 0,
    p50Ms: null,
    p99Ms: null,
    totals: { ok: 0, failed: 0 },
    lastError: null,
    ...patch,
  }
}

/** The value shown for one figure of the probe panel. */
function figure(label: string): string | null {
  return screen.getByText(label, { selector: 'dt' }).nextElementSibling?.textContent ?? null
}

describe('Write probe panel', () => {
  it('starts the probe, shows its pushed figures and rate, and stops it', async () => {
    const api = new FakeApi({
      'probe:start': () => ok(probeStats()),
      'probe:stop': () =>
        ok(probeStats({ isRunning: false, ok: 60, totals: { ok: 60, failed: 0 } }, 3)),
    })
    renderWithApi(<ProbePanel cluster={clusterView('demo')} />, api)
    await userEvent.click(screen.getByRole('button', { name: 'Start write probe' }))
    expect(api.requestsOf('probe:start')).toEqual([{ cluster: 'demo' }])
    await screen.findByRole('button', { name: 'Stop write probe' })
    act(() => api.emit('probe:stats', probeStats({ ok: 20, totals: { ok: 20, failed: 0 } }, 1)))
    act(() =>
      api.emit(
        'probe:stats',
        probeStats({ ok: 40, p50Ms: 2.1, p99Ms: 7.5, totals: { ok: 40, failed: 0 } }, 2),
      ),
    )
    // Another cluster's figures are not this panel's.
    act(() => api.emit('probe:stats', probeStats({ cluster: 'other', ok: 999 }, 3)))
    expect(figure('OK, last minute')).toBe('40')
    expect(figure('Failed, last minute')).toBe('0')
    expect(figure('Latency p50 / p99')).toBe('2.1 ms / 7.5 ms')
    expect(figure('Rate')).toBe('20.0 writes/s')
    await userEvent.click(screen.getByRole('button', { name: 'Stop write probe' }))
    expect(api.requestsOf('probe:stop')).toEqual([{ cluster: 'demo' }])
    await screen.findByRole('button', { name: 'Start write probe' })
    expect(figure('OK, last minute')).toBe('60')
    expect(figure('Rate')).toBe('—')
    expect(screen.getByText('Stopped; these are its last figures.')).toBeInTheDocument()
  })

  it('shows failures and the last error with the member it went to', () => {
    const api = new FakeApi()
    renderWithApi(<ProbePanel cluster={clusterView('demo')} />, api)
    act(() =>
      api.emit(
        'probe:stats',
        probeStats({
          ok: 30,
          failed: 7,
          totals: { ok: 30, failed: 7 },
          lastError: 'etcd2: put failed: 14 UNAVAILABLE: No connection established',
        }),
      ),
    )
    expect(figure('Failed, last minute')).toBe('7')
    expect(figure('Since start')).toBe('30 ok, 7 failed')
    expect(screen.getByText(/etcd2: put failed: 14 UNAVAILABLE/)).toBeInTheDocument()
    // A probe another window (or an operation) started shows as running here too.
    expect(screen.getByRole('button', { name: 'Stop write probe' })).toBeEnabled()
  })

  it('cannot start on a stopped cluster, and explains a refused start', async () => {
    const api = new FakeApi({
      'probe:start': () =>
        fail({ code: 'CLUSTER_NOT_RUNNING', message: 'Cluster demo is not running.' }),
    })
    const stopped = renderWithApi(<ProbePanel cluster={clusterView('demo', 'stopped')} />, api)
    expect(screen.getByRole('button', { name: 'Start write probe' })).toBeDisabled()
    expect(screen.getByText('Start the cluster to run the probe.')).toBeInTheDocument()
    stopped.unmount()
    // Stopped meanwhile (the window did not know yet): the engine's refusal is explained.
    renderWithApi(<ProbePanel cluster={clusterView('demo')} />, api)
    await userEvent.click(screen.getByRole('button', { name: 'Start write probe' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not start the write probe')
  })

  it('listens to pushes while shown and never polls', () => {
    const api = new FakeApi()
    const { unmount } = renderWithApi(<ProbePanel cluster={clusterView('demo')} />, api)
    expect(api.listenerCount('probe:stats')).toBe(1)
    expect(api.requests).toEqual([])
    unmount()
    expect(api.listenerCount('probe:stats')).toBe(0)
  })

  it('sits in the Members tab', async () => {
    const cluster = clusterView('demo')
    const api = new FakeApi({
      'clusters:list': () => ok([cluster]),
      'cluster:status': () => ok(clusterStatus(cluster, 'etcd1')),
    })
    renderWithApi(<Desk />, api)
    const members = await screen.findByRole('tabpanel', { name: 'Members' })
    expect(await within(members).findByRole('region', { name: 'Write probe' })).toBeInTheDocument()
  })
})

describe('Write probe keys in the Keys tab', () => {
  const probeKey = bytes('__etcd_desk_probe/etcd1')

  it('tags the probe keys of the list, and no other key', async () => {
    const api = new FakeApi({
      'keys:list': () =>
        ok({
          entries: [keyEntry(probeKey), keyEntry('app/a')],
          revision: '10',
          nextKey: null,
          count: 2,
        }),
    })
    renderWithApi(<KeysPanel cluster={clusterView('demo')} onAction={() => undefined} />, api)
    const keys = await screen.findByRole('list', { name: 'Keys' })
    const row = (await within(keys).findByRole('button', { name: /etcd1/ })).closest('li')
    expect(
      within(row as HTMLElement).getByRole('note', { name: 'etcd Desk write probe' }),
    ).toBeVisible()
    const other = within(keys).getByRole('button', { name: 'app/a' }).closest('li')
    expect(within(other as HTMLElement).queryByRole('note')).not.toBeInTheDocument()
  })

  it('tags the probe folder and its keys in the tree', async () => {
    const api = new FakeApi({
      'keys:children': ({ prefix }) =>
        ok({
          children:
            prefix.length === 0
              ? [
                  {
                    name: bytes('__etcd_desk_probe'),
                    path: bytes('__etcd_desk_probe/'),
                    isFolder: true,
                  },
                  { name: bytes('config'), path: bytes('config'), isFolder: false },
                ]
              : [{ name: bytes('etcd1'), path: probeKey, isFolder: false }],
          nextKey: null,
          revision: '10',
        }),
    })
    renderWithApi(<KeysPanel cluster={clusterView('demo')} onAction={() => undefined} />, api)
    await userEvent.click(screen.getByRole('button', { name: 'Tree' }))
    const tree = await screen.findByRole('list', { name: 'Key tree' })
    const folder = await within(tree).findByRole('button', { name: /^__etcd_desk_probe\// })
    const folderRow = folder.closest('li') as HTMLElement
    expect(within(folderRow).getAllByRole('note', { name: 'etcd Desk write probe' })).toHaveLength(
      1,
    )
    await userEvent.click(folder)
    await within(folderRow).findByRole('button', { name: 'etcd1' })
    expect(within(folderRow).getAllByRole('note', { name: 'etcd Desk write probe' })).toHaveLength(
      2,
    )
    const config = within(tree).getByRole('button', { name: 'config' }).closest('li')
    expect(within(config as HTMLElement).queryByRole('note')).not.toBeInTheDocument()
  })
})

describe('The write probe in the Commands tab', () => {
  it('offers its etcdctl twin: a loop through each voting member, with the cluster’s etcdctl', async () => {
    const etcdctl = '/data/etcd/v3.5.17/etcdctl'
    const api = new FakeApi({
      'cluster:commands': () => ok({ members: [], etcdctl, etcdctlTls: [] }),
    })
    const cluster = clusterView('demo')
    cluster.members[2] = { ...cluster.members[2]!, isLearner: true }
    renderWithApi(<CommandsPanel cluster={cluster} lastKeyAction={null} />, api)
    const copy = await screen.findByRole('button', { name: /^Copy: The write probe/ })
    const command = copy.closest('.command')?.querySelector('pre')?.textContent ?? ''
    expect(command).toContain(`${etcdctl} --endpoints="$endpoint"`)
    expect(command).toContain('__etcd_desk_probe/etcdctl/etcd1=http://127.0.0.1:2379')
    expect(command).toContain('__etcd_desk_probe/etcdctl/etcd2=http://127.0.0.1:12379')
    // Learners refuse linearizable reads: the loop leaves them out.
    expect(command).not.toContain('22379')
    expect(command).toContain('lease grant 10')
    expect(command).toContain('--command-timeout=1s')
  })
})
