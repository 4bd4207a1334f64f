import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { Desk } from '../../src/renderer/src/features/desk/desk'
import { MaintenancePanel } from '../../src/renderer/src/features/maintenance/maintenance-panel'
import { SnapshotHrefProvider } from '../../src/renderer/src/features/maintenance/snapshot-links'
import type { ClusterView } from '../../src/shared/cluster'
import { FakeApi, ok } from './fake-api'
import { clusterStatus, clusterView, renderWithApi, suggestTutorial } from './fixtures'
import { defragReport, snapshotInfo } from './maintenance-fixture'

const ENDPOINTS = 'http://127.0.0.1:2379,http://127.0.0.1:12379,http://127.0.0.1:22379'
const SNAPSHOT = 'demo-etcd2-20261201-072720.db'

function renderPanel(api: FakeApi, cluster: ClusterView = clusterView('demo')) {
  const onRestore = vi.fn()
  const onCompacted = vi.fn()
  renderWithApi(
    <MaintenancePanel
      cluster={cluster}
      status={clusterStatus(cluster, 'etcd1')}
      onRestore={onRestore}
      onCompacted={onCompacted}
    />,
    api,
  )
  return { onRestore, onCompacted }
}

const section = (name: string) => screen.getByRole('region', { name })

describe('Maintenance tab', () => {
  it('saves a snapshot from the chosen member and lists it with its revision and size', async () => {
    const saved = [snapshotInfo(SNAPSHOT, { member: 'etcd3' })]
    let listed: typeof saved = []
    const api = new FakeApi({
      'maintenance:snapshots': () => ok(listed),
      'maintenance:snapshot-save': () => {
        listed = saved
        return ok(saved[0]!)
      },
    })
    renderPanel(api)
    const snapshots = section('Snapshots')
    expect(await within(snapshots).findByText('No snapshot saved yet.')).toBeInTheDocument()
    await userEvent.selectOptions(within(snapshots).getByLabelText('Save from'), 'etcd3')
    expect(
      within(snapshots).getByText(
        /\/r\/v3\.5\.17\/etcdctl --endpoints=http:\/\/127\.0\.0\.1:22379 snapshot save \/tmp\/desk\/snapshots\/demo-etcd3\.db/,
      ),
    ).toBeInTheDocument()
    await userEvent.click(within(snapshots).getByRole('button', { name: 'Save snapshot' }))
    expect(api.requestsOf('maintenance:snapshot-save')).toEqual([
      { cluster: 'demo', member: 'etcd3' },
    ])
    const table = await within(snapshots).findByRole('table', { name: 'Saved snapshots' })
    const row = within(table).getByRole('row', { name: new RegExp(SNAPSHOT) })
    expect(within(row).getByText('301')).toBeInTheDocument()
    expect(within(row).getByText('3.0 MiB')).toBeInTheDocument()
    expect(within(row).getByText('demo / etcd3 (etcd 3.5.17)')).toBeInTheDocument()
  })

  it('offers a download link in browser mode, and Save a copy… where the engine has a dialog', async () => {
    const api = new FakeApi({
      'maintenance:snapshots': () => ok([snapshotInfo(SNAPSHOT)]),
      'maintenance:snapshot-export': () => ok({ path: '/home/me/Downloads/copy.db' }),
    })
    const cluster = clusterView('demo')
    const { unmount } = renderWithApi(
      <SnapshotHrefProvider value={(id) => `/snapshots/${id}?token=t`}>
        <MaintenancePanel
          cluster={cluster}
          status={null}
          onRestore={vi.fn()}
          onCompacted={vi.fn()}
        />
      </SnapshotHrefProvider>,
      api,
    )
    const link = await screen.findByRole('link', { name: `Download ${SNAPSHOT}` })
    expect(link).toHaveAttribute('href', `/snapshots/${SNAPSHOT}?token=t`)
    expect(screen.queryByRole('button', { name: `Save a copy of ${SNAPSHOT}` })).toBeNull()
    unmount()
    renderPanel(api)
    await userEvent.click(await screen.findByRole('button', { name: `Save a copy of ${SNAPSHOT}` }))
    expect(api.requestsOf('maintenance:snapshot-export')).toEqual([{ id: SNAPSHOT }])
    expect(await screen.findByText('/home/me/Downloads/copy.db')).toBeInTheDocument()
  })

  it('asks before deleting a snapshot', async () => {
    let listed = [snapshotInfo(SNAPSHOT)]
    const api = new FakeApi({
      'maintenance:snapshots': () => ok(listed),
      'maintenance:snapshot-delete': () => {
        listed = []
        return ok(null)
      },
    })
    renderPanel(api)
    await userEvent.click(await screen.findByRole('button', { name: `Delete ${SNAPSHOT}` }))
    const dialog = screen.getByRole('dialog', { name: 'Delete this snapshot?' })
    expect(api.requestsOf('maintenance:snapshot-delete')).toHaveLength(0)
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete snapshot' }))
    expect(api.requestsOf('maintenance:snapshot-delete')).toEqual([{ id: SNAPSHOT }])
    expect(await screen.findByText('No snapshot saved yet.')).toBeInTheDocument()
  })

  it('defragments and shows each member before and after, in order, with the probe', async () => {
    const api = new FakeApi({ 'maintenance:defragment': () => ok(defragReport()) })
    renderPanel(api)
    const defrag = section('Defragment')
    // Followers first, the leader (etcd1) last, one endpoint at a time.
    expect(await within(defrag).findByText(/defrag$/m)).toHaveTextContent(
      [12379, 22379, 2379]
        .map((p) => `/r/v3.5.17/etcdctl --endpoints=http://127.0.0.1:${p} defrag`)
        .join(' '),
    )
    await userEvent.click(within(defrag).getByRole('button', { name: 'Defragment all members' }))
    const table = await within(defrag).findByRole('table', { name: 'Defragmentation report' })
    const rows = within(table).getAllByRole('row').slice(1)
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual([
      'etcd2',
      'etcd3',
      'etcd1leader',
    ])
    expect(within(rows[0]!).getByText('12 MiB → 4.0 MiB')).toBeInTheDocument()
    expect(within(defrag).getByText(/Leadership moved from etcd1 to etcd3/)).toBeInTheDocument()
    expect(within(defrag).getByText('Write probe meanwhile: 40 writes succeeded, 0 failed.'))
  })

  it('asks before compacting, then says where history begins', async () => {
    const api = new FakeApi({ 'maintenance:compact': () => ok({ revision: '77' }) })
    const { onCompacted } = renderPanel(api)
    const compact = section('Compact')
    await userEvent.type(within(compact).getByLabelText('Revision'), '77')
    expect(
      within(compact).getByText(
        `/r/v3.5.17/etcdctl --endpoints=${ENDPOINTS} compact 77 --physical`,
      ),
    ).toBeInTheDocument()
    await userEvent.click(within(compact).getByRole('button', { name: 'Compact…' }))
    const dialog = screen.getByRole('dialog', { name: 'Compact the history?' })
    await userEvent.click(within(dialog).getByRole('button', { name: 'Compact to revision 77' }))
    expect(api.requestsOf('maintenance:compact')).toEqual([{ cluster: 'demo', revision: '77' }])
    expect(await within(compact).findByText(/history before revision/)).toHaveTextContent(
      'Compacted: history before revision 77 is gone.',
    )
    expect(onCompacted).toHaveBeenCalledWith('77')
  })

  it('lists active alarms and disarms them', async () => {
    let alarms = [{ member: 'etcd2', memberId: 'a1b2', alarm: 'NOSPACE' as const }]
    const api = new FakeApi({
      'maintenance:alarms': () => ok(alarms),
      'maintenance:disarm': () => {
        const disarmed = alarms
        alarms = []
        return ok(disarmed)
      },
    })
    renderPanel(api)
    const region = section('Alarms')
    const list = await within(region).findByRole('list', { name: 'Active alarms' })
    expect(list).toHaveTextContent('NOSPACE on etcd2 (a1b2)')
    await userEvent.click(within(region).getByRole('button', { name: 'Disarm alarms' }))
    expect(await within(region).findByText('No active alarm.')).toBeInTheDocument()
    expect(api.requestsOf('maintenance:disarm')).toEqual([{ cluster: 'demo' }])
  })

  it('shows whether every member holds the same keyspace', async () => {
    const hash = (member: string, value: string | null, error: string | null = null) => ({
      member,
      hash: value,
      compactRevision: '0',
      error,
    })
    const api = new FakeApi({
      'maintenance:hashkv': () =>
        ok({
          revision: '42',
          members: [hash('etcd1', '111'), hash('etcd2', '111'), hash('etcd3', null, 'not running')],
          isConsistent: false,
        }),
    })
    renderPanel(api)
    const region = section('Consistency check')
    expect(
      await within(region).findByText(/endpoint hashkv --cluster -w table$/),
    ).toBeInTheDocument()
    await userEvent.click(within(region).getByRole('button', { name: 'Check consistency' }))
    expect(await within(region).findByText(/do not agree at revision 42/)).toBeInTheDocument()
    expect(within(region).getByText('not running')).toBeInTheDocument()
  })

  it('offers the NOSPACE drill only on a cluster with a space quota', async () => {
    renderPanel(new FakeApi())
    await screen.findByRole('region', { name: 'Alarms' })
    expect(screen.queryByRole('region', { name: 'NOSPACE drill' })).toBeNull()
  })

  it('restores a snapshot into a new cluster through the create dialog, prefilled', async () => {
    const api = new FakeApi({
      // On the third slot's ports: the suggested tutorial ports stay free for the new cluster.
      'clusters:list': () => ok([clusterView('demo', 'running', 3, 2)]),
      'cluster:suggest': suggestTutorial,
      'maintenance:snapshots': () => ok([snapshotInfo(SNAPSHOT)]),
      'cluster:create': (spec) =>
        ok({
          ...clusterView(spec.name),
          definition: { ...clusterView(spec.name).definition, ...spec },
        }),
    })
    renderWithApi(<Desk />, api)
    await userEvent.click(await screen.findByRole('tab', { name: 'Maintenance' }))
    await userEvent.click(
      await screen.findByRole('button', { name: `Restore ${SNAPSHOT} into a new cluster` }),
    )
    const dialog = await screen.findByRole('dialog', { name: 'Restore into a new cluster' })
    const from = within(dialog).getByLabelText('From snapshot')
    await waitFor(() => expect(from).toHaveValue(SNAPSHOT))
    await waitFor(() => expect(within(dialog).getByLabelText('Name')).toHaveValue('cluster-1'))
    await screen.findByRole('option', { name: /System etcd 3\.5\.17/ })
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create' }))
    await waitFor(() => expect(api.requestsOf('cluster:create')).toHaveLength(1))
    expect(api.requestsOf('cluster:create')[0]).toMatchObject({ fromSnapshot: SNAPSHOT })
  })
})
