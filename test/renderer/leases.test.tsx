import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import type { LeaseView } from '../../src/shared/leases'
import { KeyMetadata } from '../../src/renderer/src/features/keys/key-metadata'
import { LeaseLinkProvider } from '../../src/renderer/src/features/leases/lease-link'
import { LeasesPanel } from '../../src/renderer/src/features/leases/leases-panel'
import { FakeApi, ok } from './fake-api'
import { bytes, clusterView, keyEntry, renderWithApi } from './fixtures'

/** Lease 0x694d7a8f3c1b4e05 as etcd3 decodes it (decimal). */
const ID = BigInt('0x694d7a8f3c1b4e05').toString()
const lease = (over: Partial<LeaseView> = {}): LeaseView => ({
  id: ID,
  ttl: 42,
  grantedTtl: 60,
  keyCount: 2,
  keys: [bytes('/app/lock'), bytes('/app/owner')],
  ...over,
})

function leasesApi(): FakeApi {
  return new FakeApi({
    'leases:list': () => ok({ leases: [lease()], total: 1, nextAfter: null }),
    'leases:get': () => ok(lease()),
    'leases:grant': ({ ttl }) =>
      ok(lease({ id: '7', ttl, grantedTtl: ttl, keyCount: 0, keys: [] })),
    'leases:keep-alive': () => ok(lease({ ttl: 60 })),
    'leases:revoke': () => ok({ deletedKeys: 2 }),
  })
}

describe('the Leases tab', () => {
  it('lists leases with TTL left, granted TTL and their keys', async () => {
    const api = leasesApi()
    renderWithApi(
      <LeasesPanel cluster={clusterView()} openLease={null} onOpenLease={vi.fn()} />,
      api,
    )
    const table = await screen.findByRole('table', { name: 'Leases' })
    const row = within(table).getByRole('row', { name: /694d7a8f3c1b4e05/ })
    expect(row).toHaveTextContent('42 sec')
    expect(row).toHaveTextContent('1 min')
    expect(row).toHaveTextContent('/app/lock, /app/owner')
  })

  it('refuses a bad TTL naming it, then grants a good one and opens it', async () => {
    const api = leasesApi()
    const onOpen = vi.fn()
    renderWithApi(
      <LeasesPanel cluster={clusterView()} openLease={null} onOpenLease={onOpen} />,
      api,
    )
    const ttl = screen.getByLabelText('TTL (seconds)')
    await userEvent.clear(ttl)
    await userEvent.type(ttl, '0')
    expect(
      screen.getByText('Lease TTL 0 is not valid: give whole seconds from 1 to 9000000000.'),
    ).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Grant lease' })).toBeDisabled()
    await userEvent.clear(ttl)
    await userEvent.type(ttl, '30')
    await userEvent.click(screen.getByRole('button', { name: 'Grant lease' }))
    expect(api.requestsOf('leases:grant')).toEqual([{ cluster: 'demo', ttl: 30 }])
    await waitFor(() => expect(onOpen).toHaveBeenCalledWith('7'))
  })

  it('keeps a lease alive once, and revokes it only after asking', async () => {
    const api = leasesApi()
    const onOpen = vi.fn()
    renderWithApi(<LeasesPanel cluster={clusterView()} openLease={ID} onOpenLease={onOpen} />, api)
    const detail = await screen.findByRole('region', { name: 'Lease 694d7a8f3c1b4e05' })
    expect(await within(detail).findByText('/app/owner')).toBeInTheDocument()
    await userEvent.click(within(detail).getByRole('button', { name: 'Keep alive once' }))
    expect(api.requestsOf('leases:keep-alive')).toEqual([{ cluster: 'demo', lease: ID }])

    await userEvent.click(within(detail).getByRole('button', { name: 'Revoke…' }))
    const dialog = screen.getByRole('dialog', { name: 'Revoke lease 694d7a8f3c1b4e05?' })
    expect(dialog).toHaveTextContent('every key attached to it (2 keys) in cluster demo')
    expect(api.requestsOf('leases:revoke')).toEqual([])
    await userEvent.click(within(dialog).getByRole('button', { name: 'Revoke lease' }))
    expect(api.requestsOf('leases:revoke')).toEqual([{ cluster: 'demo', lease: ID }])
    await waitFor(() => expect(onOpen).toHaveBeenCalledWith(null))
  })

  it('says so when the cluster is stopped', () => {
    renderWithApi(
      <LeasesPanel
        cluster={clusterView('demo', 'stopped')}
        openLease={null}
        onOpenLease={vi.fn()}
      />,
      leasesApi(),
    )
    expect(screen.getByText('Cluster demo is stopped')).toBeInTheDocument()
  })
})

describe("a key's lease", () => {
  it('is a link that opens the lease', async () => {
    const open = vi.fn()
    renderWithApi(
      <LeaseLinkProvider value={open}>
        <KeyMetadata entry={{ ...keyEntry('/app/lock'), lease: ID }} />
      </LeaseLinkProvider>,
      new FakeApi(),
    )
    await userEvent.click(screen.getByRole('button', { name: 'Open lease 694d7a8f3c1b4e05' }))
    expect(open).toHaveBeenCalledWith(ID)
  })

  it('is plain text without a lease', () => {
    renderWithApi(<KeyMetadata entry={keyEntry('/app/free')} />, new FakeApi())
    expect(screen.queryByRole('button', { name: /Open lease/ })).toBeNull()
    expect(screen.getByText('none')).toBeInTheDocument()
  })
})
