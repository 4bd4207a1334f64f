import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { CommandsPanel } from '../../src/renderer/src/features/commands/commands-panel'
import { Desk } from '../../src/renderer/src/features/desk/desk'
import { MaintenancePanel } from '../../src/renderer/src/features/maintenance/maintenance-panel'
import type { AlarmEntry } from '../../src/shared/maintenance'
import { FakeApi, fail, ok } from './fake-api'
import { clusterStatus, clusterView, renderWithApi, text } from './fixtures'
import { defragReport } from './maintenance-fixture'
import { keysApi } from './keys-fixture'

const MIB = 1024 * 1024

/** A running 3-member cluster created with a 1 MiB quota. */
function quotaCluster() {
  const view = clusterView('tiny')
  return { ...view, definition: { ...view.definition, quotaBackendBytes: MIB } }
}

describe('the NOSPACE drill', () => {
  it('walks from NOSPACE back to a working write, each step saying what it changed', async () => {
    let alarms: AlarmEntry[] = []
    let isFull = false
    const api = new FakeApi({
      'maintenance:alarms': () => ok(alarms),
      'maintenance:fill': () => {
        isFull = true
        alarms = [{ member: 'etcd1', memberId: 'a1', alarm: 'NOSPACE' }]
        return ok({
          keysWritten: 11,
          bytesWritten: 11 * 102400,
          alarmRaised: true,
          prefix: '__etcd_desk_fill/',
        })
      },
      'keys:delete-prefix': () => ok({ deleted: 11 }),
      'maintenance:compact': () => ok({ revision: '14' }),
      'maintenance:defragment': () => ok(defragReport()),
      'maintenance:disarm': () => {
        const disarmed = alarms
        alarms = []
        isFull = false
        return ok(disarmed)
      },
      'keys:put': () =>
        isFull
          ? fail({
              code: 'ETCD_REQUEST_FAILED',
              message: 'etcd refused the put: its database is full (NOSPACE alarm).',
            })
          : ok({ revision: '15' }),
    })
    const cluster = quotaCluster()
    renderWithApi(
      <MaintenancePanel
        cluster={cluster}
        status={clusterStatus(cluster, 'etcd1')}
        onRestore={vi.fn()}
        onCompacted={vi.fn()}
      />,
      api,
    )
    const drill = await screen.findByRole('region', { name: 'NOSPACE drill' })
    expect(within(drill).getByText(/space quota of 1\.0 MiB/)).toBeInTheDocument()
    const click = (name: string) => userEvent.click(within(drill).getByRole('button', { name }))
    await click('1. Fill until NOSPACE')
    expect(
      await within(drill).findByText(/Wrote 11 keys \(1\.1 MiB\) under __etcd_desk_fill\//),
    ).toHaveTextContent('raised NOSPACE')
    expect(await within(drill).findByText(/alarms: NOSPACE on etcd1/)).toBeInTheDocument()
    await click('6. Write a key')
    expect(await within(drill).findByText(/its database is full/)).toBeInTheDocument()
    await click('2. Delete the filler keys')
    expect(await within(drill).findByText(/Deleted 11 keys/)).toBeInTheDocument()
    expect(api.requestsOf('keys:delete-prefix').map((r) => text(r.prefix))).toEqual([
      '__etcd_desk_fill/',
    ])
    await click('3. Compact')
    expect(await within(drill).findByText(/History before revision 14 dropped/)).toBeInTheDocument()
    await click('4. Defragment')
    expect(await within(drill).findByText(/etcd2 12 MiB → 4\.0 MiB/)).toBeInTheDocument()
    await click('5. Disarm')
    expect(await within(drill).findByText('Disarmed NOSPACE on etcd1.')).toBeInTheDocument()
    expect(await within(drill).findByText(/alarms: none/)).toBeInTheDocument()
    await click('6. Write a key')
    expect(
      await within(drill).findByText('The write succeeded at revision 15.'),
    ).toBeInTheDocument()
    const twin = within(drill).getByText(/del --prefix __etcd_desk_fill\//)
    expect(twin).toHaveTextContent('compact 14 --physical')
    expect(twin).toHaveTextContent('alarm disarm')
  })
})

describe('the compaction boundary and the maintenance twins', () => {
  it('shows in the Keys tab where history begins after a compaction in the Maintenance tab', async () => {
    const api = keysApi()
    api.handle('clusters:list', () => ok([clusterView('demo')]))
    api.handle('maintenance:compact', () => ok({ revision: '9' }))
    renderWithApi(<Desk />, api)
    await userEvent.click(await screen.findByRole('tab', { name: 'Keys' }))
    await screen.findByRole('button', { name: 'app/a' })
    expect(screen.queryByRole('note')).toBeNull()
    await userEvent.click(screen.getByRole('tab', { name: 'Maintenance' }))
    await userEvent.click(await screen.findByRole('button', { name: 'Compact…' }))
    await userEvent.click(screen.getByRole('button', { name: 'Compact to the current revision' }))
    await screen.findByText(/Compacted: history before revision/)
    await userEvent.click(screen.getByRole('tab', { name: 'Keys' }))
    expect(screen.getByRole('note')).toHaveTextContent('History before revision 9 was compacted')
  })

  it('shows the Commands tab how a restored cluster was restored, with etcdutl on 3.5', async () => {
    const view = clusterView('restored')
    const cluster = { ...view, definition: { ...view.definition, fromSnapshot: 'demo-etcd2-1.db' } }
    renderWithApi(
      <CommandsPanel cluster={cluster} lastKeyAction={null} leader="etcd2" />,
      new FakeApi(),
    )
    const twin = await screen.findByText(/snapshot restore/)
    expect(twin).toHaveTextContent(
      '/r/v3.5.17/etcdutl snapshot restore /tmp/desk/snapshots/demo-etcd2-1.db --name=etcd1 --initial-cluster=etcd1=http://127.0.0.1:2380,etcd2=http://127.0.0.1:12380,etcd3=http://127.0.0.1:22380 --initial-cluster-token=token --initial-advertise-peer-urls=http://127.0.0.1:2380 --data-dir=/tmp/desk/restored/etcd1',
    )
    expect(screen.getByText(/--endpoints=http:\/\/127\.0\.0\.1:2379 defrag/)).toHaveTextContent(
      /2379 defrag .*22379 defrag .*12379 defrag$/,
    )
  })
})
