import { act, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { apiReleaseCatalog } from '../../src/renderer/src/features/create-cluster/api-release-catalog'
import { CreateClusterDialog } from '../../src/renderer/src/features/create-cluster/create-cluster-dialog'
import { ReleaseCatalogProvider } from '../../src/renderer/src/features/create-cluster/release-catalog'
import { Desk } from '../../src/renderer/src/features/desk/desk'
import type { ClusterView } from '../../src/shared/cluster'
import type { ReleaseList } from '../../src/shared/releases'
import type { Result } from '../../src/shared/result'
import { FakeApi, fail, ok } from './fake-api'
import { renderWithApi, suggestTutorial } from './fixtures'

/** A catalog with 3.6.0 to download. */
const RELEASES: ReleaseList = {
  origin: 'bundled',
  fetchedAt: null,
  releases: [
    {
      kind: 'release',
      version: '3.6.0',
      isPrerelease: false,
      publishedAt: null,
      isAvailable: true,
      isInstalled: false,
    },
  ],
  system: null,
}

/** The create dialog with a downloadable version; resolves once it is ready to submit. */
async function openCreateDialog(api: FakeApi, onClose = vi.fn()) {
  api.handle('cluster:suggest', suggestTutorial)
  api.handle('releases:list', () => ok(RELEASES))
  renderWithApi(
    <ReleaseCatalogProvider value={apiReleaseCatalog(api)}>
      <CreateClusterDialog
        clusters={[]}
        onClose={onClose}
        onCreated={vi.fn()}
        onShowCluster={vi.fn()}
      />
    </ReleaseCatalogProvider>,
    api,
  )
  await waitFor(() => expect(screen.getByLabelText('Name')).toHaveValue('cluster-1'))
  await screen.findByRole('option', { name: 'etcd 3.6.0 (download)' })
  await userEvent.selectOptions(screen.getByLabelText('etcd version'), '3.6.0')
  return screen.getByRole('dialog', { name: 'Create cluster' })
}

afterEach(() => vi.restoreAllMocks())

describe('Modal dialogs', () => {
  it('are native <dialog> elements opened with showModal', async () => {
    const showModal = vi.spyOn(HTMLDialogElement.prototype, 'showModal')
    const dialog = await openCreateDialog(new FakeApi())
    expect(dialog.tagName).toBe('DIALOG')
    expect(dialog).toHaveAttribute('open')
    expect(showModal).toHaveBeenCalledTimes(1)
    expect(dialog).toContainElement(document.activeElement as HTMLElement)
  })

  it('close on Escape after a failed Download and create, wherever focus fell', async () => {
    const api = new FakeApi({
      'cluster:create': () => fail({ code: 'DOWNLOAD_FAILED', message: 'mirror said 404' }),
    })
    const onClose = vi.fn()
    await openCreateDialog(api, onClose)
    await userEvent.click(screen.getByRole('button', { name: 'Download and create' }))
    await screen.findByText(/mirror said 404/)
    // The busy button was disabled while it ran: focus fell back to the page.
    ;(document.activeElement as HTMLElement | null)?.blur()
    expect(document.activeElement).toBe(document.body)
    await userEvent.keyboard('{Escape}')
    expect(onClose).toHaveBeenCalledTimes(1)
  })

  it('do not close on Escape while busy: the cancel event is prevented', async () => {
    let answer: (r: Result<ClusterView>) => void = () => undefined
    const api = new FakeApi({ 'cluster:create': () => new Promise((r) => (answer = r)) })
    const onClose = vi.fn()
    const dialog = await openCreateDialog(api, onClose)
    await userEvent.click(screen.getByRole('button', { name: 'Download and create' }))
    await userEvent.keyboard('{Escape}')
    const cancel = new Event('cancel', { cancelable: true })
    act(() => void dialog.dispatchEvent(cancel))
    expect(cancel.defaultPrevented).toBe(true)
    expect(onClose).not.toHaveBeenCalled()
    expect(dialog).toHaveAttribute('open')
    await act(async () => answer(fail({ code: 'DOWNLOAD_CANCELLED', message: 'cancelled' })))
    await userEvent.keyboard('{Escape}')
    expect(onClose).toHaveBeenCalledTimes(1)
  })

  it('open again when the browser closes a busy one on its own (repeated Escape in Chrome)', async () => {
    const api = new FakeApi({ 'cluster:create': () => new Promise(() => undefined) })
    const onClose = vi.fn()
    const dialog = (await openCreateDialog(api, onClose)) as HTMLDialogElement
    await userEvent.click(screen.getByRole('button', { name: 'Download and create' }))
    act(() => dialog.close())
    expect(dialog.open).toBe(true)
    expect(onClose).not.toHaveBeenCalled()
  })

  it('give focus back to the button that opened them', async () => {
    renderWithApi(<Desk />, new FakeApi())
    const settings = await screen.findByRole('button', { name: 'Settings' })
    await userEvent.click(settings)
    await screen.findByRole('dialog', { name: 'Settings' })
    await userEvent.keyboard('{Escape}')
    expect(screen.queryByRole('dialog', { name: 'Settings' })).not.toBeInTheDocument()
    expect(settings).toHaveFocus()
  })
})
