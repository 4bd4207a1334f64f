import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import type { ResponseMap } from '../../src/shared/contract'
import type { Result } from '../../src/shared/result'
import type { ImportFileView, ImportPreview } from '../../src/shared/transfer'
import { TransferLinksProvider } from '../../src/renderer/src/features/transfer/transfer-links'
import { TransferPanel } from '../../src/renderer/src/features/transfer/transfer-panel'
import { FakeApi, ok } from './fake-api'
import { clusterView, renderWithApi, text } from './fixtures'

const FILE: ImportFileView = {
  fileId: '11111111-1111-4111-8111-111111111111',
  name: 'app.jsonl',
  bytes: 1234,
  header: {
    format: 'etcd-desk-export',
    version: 1,
    cluster: 'prod',
    revision: '77',
    prefix: btoa('/app/'),
    count: 10,
    exportedAt: '2026-12-01T00:00:00.000Z',
  },
}
const PREVIEW: ImportPreview = {
  fileId: FILE.fileId,
  cluster: 'demo',
  revision: '120',
  total: 10,
  created: 3,
  changed: 2,
  unchanged: 5,
  withLease: 0,
}

function transferApi(): FakeApi {
  return new FakeApi({
    'transfer:preview': () => ok(PREVIEW),
    'transfer:import': (a) =>
      ok({
        cluster: 'demo',
        dryRun: a.dryRun,
        existing: a.existing,
        total: 10,
        created: 3,
        updated: 1,
        unchanged: 5,
        skipped: 0,
        conflicts: 1,
        leasesGranted: 0,
      }),
    'transfer:cancel': () => ok(null),
  })
}

/** Browser mode: downloads and uploads through the page's server. */
function renderBrowserMode(api: FakeApi, upload = vi.fn(() => Promise.resolve(ok(FILE)))) {
  const links = { exportHref: (name: string) => `/exports/${name}?token=t`, upload }
  renderWithApi(
    <TransferLinksProvider value={links}>
      <TransferPanel cluster={clusterView()} />
    </TransferLinksProvider>,
    api,
  )
  return upload
}

async function uploadFile(): Promise<void> {
  const input = screen.getByLabelText('Import file')
  await userEvent.upload(input, new File(['{}\n'], 'app.jsonl'))
}

describe('the Import/Export tab: import', () => {
  it('uploads, previews new / changed / unchanged, and imports with compare-and-swap after asking', async () => {
    const api = transferApi()
    const upload = renderBrowserMode(api)
    await uploadFile()
    expect(upload).toHaveBeenCalledTimes(1)
    expect(await screen.findByLabelText('Import file', { selector: 'p' })).toHaveTextContent(
      'app.jsonl: 10 keys exported from cluster prod at revision 77 (prefix /app/)',
    )
    const preview = await screen.findByLabelText('Import preview')
    expect(preview).toHaveTextContent('New3Changed2Unchanged5')
    expect(api.requestsOf('transfer:preview')[0]).toMatchObject({
      cluster: 'demo',
      fileId: FILE.fileId,
    })

    await userEvent.click(screen.getByRole('radio', { name: /Compare-and-swap/ }))
    await userEvent.click(screen.getByRole('button', { name: 'Import' }))
    const dialog = screen.getByRole('dialog', { name: 'Import into demo?' })
    expect(dialog).toHaveTextContent('those unchanged since the preview are overwritten')
    expect(api.requestsOf('transfer:import')).toEqual([])
    await userEvent.click(within(dialog).getByRole('button', { name: 'Import keys' }))
    expect(api.requestsOf('transfer:import')[0]).toMatchObject({
      cluster: 'demo',
      fileId: FILE.fileId,
      existing: 'cas',
      dryRun: false,
      previewRevision: '120',
    })
    expect(await screen.findByLabelText('Import report')).toHaveTextContent(
      'Imported 10 keys: 3 created, 1 updated, 5 unchanged, 0 skipped, 1 conflict.',
    )
  })

  it('runs a dry run without asking (it writes nothing)', async () => {
    const api = transferApi()
    renderBrowserMode(api)
    await uploadFile()
    await screen.findByLabelText('Import preview')
    expect(screen.getByRole('radio', { name: /Skip/ })).toBeChecked()
    await userEvent.click(screen.getByRole('checkbox', { name: /Dry run/ }))
    await userEvent.click(screen.getByRole('button', { name: 'Dry run' }))
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(api.requestsOf('transfer:import')[0]).toMatchObject({ existing: 'skip', dryRun: true })
    expect(await screen.findByLabelText('Import report')).toHaveTextContent(
      'Dry run of 10 keys, nothing written: 3 created',
    )
  })

  it('opens the app’s dialog where there is no upload (Electron)', async () => {
    const api = transferApi()
    api.handle('transfer:choose-import', () => ok(FILE))
    renderWithApi(<TransferPanel cluster={clusterView()} />, api)
    await userEvent.click(screen.getByRole('button', { name: 'Choose file…' }))
    expect(await screen.findByLabelText('Import preview')).toBeInTheDocument()
  })
})

describe('the Import/Export tab: export', () => {
  it('exports a prefix with progress and Cancel, then links the download', async () => {
    const api = transferApi()
    let finish: (value: Result<ResponseMap['transfer:export']>) => void = () => undefined
    api.handle(
      'transfer:export',
      () => new Promise<Result<ResponseMap['transfer:export']>>((resolve) => (finish = resolve)),
    )
    renderBrowserMode(api)
    await userEvent.type(screen.getByLabelText('Prefix to export'), '/app/')
    await userEvent.click(screen.getByRole('checkbox', { name: 'Include lease TTLs' }))
    await userEvent.click(screen.getByRole('button', { name: 'Export' }))
    const [sent] = api.requestsOf('transfer:export')
    expect(text(sent?.prefix)).toBe('/app/')
    expect(sent).toMatchObject({ cluster: 'demo', withLeases: true, withRevisions: false })
    const transferId = sent?.transferId ?? ''
    act(() =>
      api.emit('transfer:progress', {
        transferId,
        cluster: 'demo',
        kind: 'export',
        done: 500,
        total: 2000,
      }),
    )
    expect(screen.getByText('Exported 500 of 2,000 keys')).toBeInTheDocument()
    expect(screen.getByRole('progressbar', { name: 'Export progress' })).toHaveAttribute(
      'value',
      '500',
    )
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }))
    expect(api.requestsOf('transfer:cancel')).toEqual([{ transferId }])

    act(() =>
      finish(
        ok({
          cluster: 'demo',
          revision: '99',
          keys: 2000,
          bytes: 4096,
          fileName: 'demo-app-20261201T000000Z.jsonl',
          path: null,
        }),
      ),
    )
    const link = await screen.findByRole('link', {
      name: 'Download demo-app-20261201T000000Z.jsonl',
    })
    expect(link).toHaveAttribute('href', '/exports/demo-app-20261201T000000Z.jsonl?token=t')
    await waitFor(() => expect(screen.queryByRole('progressbar')).toBeNull())
  })
})
