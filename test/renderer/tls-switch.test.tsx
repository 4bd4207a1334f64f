import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { TlsSection } from '../../src/renderer/src/features/certificates/tls-section'
import type { ClusterView } from '../../src/shared/cluster'
import type { TlsChangeReport } from '../../src/shared/tls-switch'
import { FakeApi, fail, ok } from './fake-api'
import { clusterView, renderWithApi } from './fixtures'

const report: TlsChangeReport = {
  cluster: 'demo',
  kind: 'enable',
  restarts: ['material', 'peers', 'https-only'].flatMap((phase) =>
    ['etcd2', 'etcd3', 'etcd1'].map((member) => ({
      member,
      phase: phase as 'material',
      tookMs: 1200,
    })),
  ),
  plainPorts: [{ member: 'etcd1', port: 40001 }],
  probe: { ok: 180, failed: 0 },
  commands: [
    'etcdctl --endpoints=http://127.0.0.1:2379 member update 8e9e05c52164694d --peer-urls=https://127.0.0.1:2380',
  ],
}

function withDefinition(view: ClusterView, patch: Partial<ClusterView['definition']>): ClusterView {
  return { ...view, definition: { ...view.definition, ...patch } }
}

describe('Enable TLS and Rotate certificates (Commands tab)', () => {
  it('asks first, says every member restarts, then shows what each restart did and the probe', async () => {
    const api = new FakeApi({ 'cluster:enable-tls': () => ok(report) })
    renderWithApi(<TlsSection cluster={clusterView('demo')} />, api)
    await userEvent.click(screen.getByRole('button', { name: 'Enable TLS' }))
    const dialog = screen.getByRole('dialog', { name: 'Enable TLS on demo?' })
    expect(dialog).toHaveTextContent(/every member restarts three times/)
    expect(api.requestsOf('cluster:enable-tls')).toEqual([])
    await userEvent.click(within(dialog).getByRole('button', { name: 'Enable TLS' }))
    expect(api.requestsOf('cluster:enable-tls')).toEqual([{ cluster: 'demo' }])
    const shown = await screen.findByLabelText('TLS enabled')
    expect(shown).toHaveTextContent('Write probe meanwhile: 180 writes succeeded, 0 failed.')
    expect(shown).toHaveTextContent(/etcd1: 40001/)
    const rows = within(screen.getByRole('table', { name: 'TLS enabled: member restarts' }))
    expect(rows.getAllByRole('row')).toHaveLength(1 + 9)
  })

  it('offers to continue a switch left half done, naming its phase', async () => {
    const api = new FakeApi({ 'cluster:enable-tls': () => ok(report) })
    const half = withDefinition(clusterView('demo'), {
      tlsSwitch: {
        phase: 'peers',
        done: ['etcd2'],
        member: null,
        startedAt: '2026-12-01T00:00:00Z',
      },
    })
    renderWithApi(<TlsSection cluster={half} />, api)
    expect(screen.getByText(/stopped in phase 2 of 3 \(peer URLs to https\)/)).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Continue enabling TLS' }))
    expect(api.requestsOf('cluster:enable-tls')).toEqual([{ cluster: 'demo' }])
  })

  it('shows a member that did not come back with its last log lines', async () => {
    const api = new FakeApi({
      'cluster:enable-tls': () =>
        fail({
          code: 'TLS_MEMBER_FAILED',
          message: 'etcd3 of demo did not come back in phase material of enabling TLS',
          detail: {
            cluster: 'demo',
            member: 'etcd3',
            phase: 'material',
            reverted: true,
            logTail: ['open /tls/members/etcd3/server.crt: permission denied'],
          },
        }),
    })
    renderWithApi(<TlsSection cluster={clusterView('demo')} />, api)
    await userEvent.click(screen.getByRole('button', { name: 'Enable TLS' }))
    await userEvent.click(
      within(screen.getByRole('dialog')).getByRole('button', { name: 'Enable TLS' }),
    )
    expect(await screen.findByText(/server.crt: permission denied/)).toBeInTheDocument()
    expect(screen.getByText('It runs with its earlier flags again')).toBeInTheDocument()
  })

  it('is unavailable on a stopped cluster and says why', () => {
    renderWithApi(<TlsSection cluster={clusterView('demo', 'stopped')} />, new FakeApi())
    expect(screen.getByRole('button', { name: 'Enable TLS' })).toBeDisabled()
    expect(screen.getByText(/Start the cluster first/)).toBeInTheDocument()
  })

  it('rotates the certificates of a TLS cluster after asking', async () => {
    const api = new FakeApi({
      'cluster:rotate-certificates': () =>
        ok({ ...report, kind: 'rotate', plainPorts: [], restarts: [], commands: [] }),
      'cluster:certificates': () => ok([]),
    })
    renderWithApi(<TlsSection cluster={withDefinition(clusterView('demo'), { tls: true })} />, api)
    expect(screen.queryByRole('button', { name: 'Enable TLS' })).toBeNull()
    await userEvent.click(screen.getByRole('button', { name: 'Rotate certificates' }))
    const dialog = screen.getByRole('dialog', { name: 'Rotate the certificates of demo?' })
    await userEvent.click(within(dialog).getByRole('button', { name: 'Rotate certificates' }))
    expect(api.requestsOf('cluster:rotate-certificates')).toEqual([{ cluster: 'demo' }])
    expect(await screen.findByLabelText('Certificates rotated')).toBeInTheDocument()
  })
})
