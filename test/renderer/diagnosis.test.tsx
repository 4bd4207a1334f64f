import { act, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { DiagnosisSection } from '../../src/renderer/src/features/diagnosis/diagnosis-section'
import { MaintenancePanel } from '../../src/renderer/src/features/maintenance/maintenance-panel'
import { TransferLinksProvider } from '../../src/renderer/src/features/transfer/transfer-links'
import type { ResponseMap } from '../../src/shared/contract'
import type { DiagnosisReport } from '../../src/shared/diagnosis'
import type { Result } from '../../src/shared/result'
import { FakeApi, fail, ok } from './fake-api'
import { clusterView, renderWithApi } from './fixtures'

const NAME = 'demo-diagnosis-20261201T160000Z.tar.gz'

function report(overrides: Partial<DiagnosisReport> = {}): DiagnosisReport {
  return {
    cluster: 'demo',
    fileName: NAME,
    path: null,
    bytes: 2048,
    files: [
      { path: 'README.txt', bytes: 10, about: 'What this bundle holds.' },
      { path: 'status.json', bytes: 20, about: 'Status.' },
      { path: 'manifest.json', bytes: 30, about: 'Every file.' },
    ],
    notes: ['metrics of etcd3: not read, the member is stopped'],
    ...overrides,
  }
}

/** An API whose diagnosis answers when the test says so. */
function pendingApi(): {
  api: FakeApi
  finish: (r: Result<ResponseMap['cluster:diagnosis']>) => void
} {
  const api = new FakeApi()
  let finish: (r: Result<ResponseMap['cluster:diagnosis']>) => void = () => undefined
  api.handle('cluster:diagnosis', () => new Promise((resolve) => (finish = resolve)))
  return { api, finish: (r) => finish(r) }
}

const saveButton = () => screen.getByRole('button', { name: 'Save diagnosis' })

describe('Save diagnosis', () => {
  it('shows each step while it runs (only its own), then the download link (browser mode)', async () => {
    const { api, finish } = pendingApi()
    const links = {
      exportHref: (n: string) => `/exports/${n}`,
      diagnosisHref: (n: string) => `/diagnosis/${n}?token=t`,
      upload: vi.fn(),
    }
    renderWithApi(
      <TransferLinksProvider value={links}>
        <DiagnosisSection cluster="demo" />
      </TransferLinksProvider>,
      api,
    )
    await userEvent.click(saveButton())
    expect(saveButton()).toBeDisabled()
    expect(saveButton()).toHaveAttribute('aria-busy', 'true')
    expect(screen.getByRole('status')).toHaveTextContent('Starting…')
    const [request] = api.requestsOf('cluster:diagnosis')
    expect(request).toMatchObject({ cluster: 'demo' })
    const diagnosisId = request?.diagnosisId ?? ''
    const push = { cluster: 'demo', step: 'metrics' as const, member: 'etcd2', total: 11 }
    act(() => api.emit('diagnosis:progress', { ...push, diagnosisId, done: 4 }))
    expect(screen.getByRole('status')).toHaveTextContent('Reading the metrics of etcd2 (4 of 11)')
    expect(screen.getByRole('progressbar', { name: 'Diagnosis progress' })).toHaveAttribute(
      'value',
      '4',
    )
    // Another window's diagnosis is not this one's progress.
    const other = '22222222-2222-4222-8222-222222222222'
    act(() => api.emit('diagnosis:progress', { ...push, diagnosisId: other, done: 9 }))
    expect(screen.getByRole('status')).toHaveTextContent('(4 of 11)')

    await act(async () => finish(ok(report())))
    expect(saveButton()).toBeEnabled()
    expect(screen.getByRole('status')).toHaveTextContent('The diagnosis is ready (2.0 KiB).')
    expect(screen.getByRole('status')).toHaveTextContent('3 files')
    const link = screen.getByRole('link', { name: `Download ${NAME}` })
    expect(link).toHaveAttribute('href', `/diagnosis/${NAME}?token=t`)
    expect(link).toHaveAttribute('download', NAME)
    expect(screen.queryByRole('progressbar')).toBeNull()
    const notes = screen.getByText('1 part could not be collected')
    await userEvent.click(notes)
    expect(screen.getByText('metrics of etcd3: not read, the member is stopped')).toBeVisible()
  })

  it('says where the app saved it, or that the save dialog was cancelled', async () => {
    const api = new FakeApi({
      'cluster:diagnosis': () => ok(report({ path: `/home/me/${NAME}`, notes: [] })),
    })
    renderWithApi(<DiagnosisSection cluster="demo" />, api)
    await userEvent.click(saveButton())
    const status = await screen.findByRole('status')
    expect(status).toHaveTextContent(`Saved the diagnosis (2.0 KiB) to /home/me/${NAME}`)
    expect(screen.queryByRole('link')).toBeNull()
    expect(screen.queryByText(/could not be collected/)).toBeNull()

    api.handle('cluster:diagnosis', () => ok(null))
    await userEvent.click(saveButton())
    expect(await screen.findByText('Not saved: the save dialog was cancelled.')).toBeVisible()
  })

  it('shows what failed, and can be dismissed and tried again', async () => {
    const api = new FakeApi({
      'cluster:diagnosis': () =>
        fail({
          code: 'DISK_FULL',
          message: 'Could not save the diagnosis of demo: the disk holding /home/me is full.',
          detail: { path: '/home/me', errno: 'ENOSPC' },
        }),
    })
    renderWithApi(<DiagnosisSection cluster="demo" />, api)
    await userEvent.click(saveButton())
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Could not save the diagnosis')
    expect(alert).toHaveTextContent('the disk holding /home/me is full')
    expect(saveButton()).toBeEnabled()
    await userEvent.click(within(alert).getByRole('button', { name: /dismiss/i }))
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('is offered in the Maintenance tab of a stopped cluster', () => {
    renderWithApi(
      <MaintenancePanel
        cluster={clusterView('demo', 'stopped')}
        status={null}
        onRestore={vi.fn()}
        onCompacted={vi.fn()}
      />,
      new FakeApi(),
    )
    expect(screen.getByRole('region', { name: 'Diagnosis bundle' })).toBeVisible()
    expect(saveButton()).toBeEnabled()
  })
})
