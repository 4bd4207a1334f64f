import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { KeysPanel } from '../../src/renderer/src/features/keys/keys-panel'
import { fail, ok } from './fake-api'
import { bytes, clusterView, keyEntry, renderWithApi, text } from './fixtures'
import { keysApi } from './keys-fixture'

const WATCH_ID = '11111111-1111-4111-8111-111111111111'

function renderKeys(api = keysApi(), onAction = vi.fn()) {
  const view = renderWithApi(<KeysPanel cluster={clusterView('demo')} onAction={onAction} />, api)
  return { api, onAction, ...view }
}

function keyList() {
  return screen.getByRole('list', { name: 'Keys' })
}

describe('Keys: list, tree and viewer', () => {
  it('lists keys a page at a time and loads the next page at the end of the list', async () => {
    const { api } = renderKeys()
    await screen.findByRole('button', { name: 'app/a' })
    await waitFor(() =>
      expect(within(keyList()).getByRole('button', { name: 'config' })).toBeInTheDocument(),
    )
    const [first, second] = api.requestsOf('keys:list')
    expect(first).toMatchObject({ cluster: 'demo', limit: 200 })
    expect(text(first?.prefix)).toBe('')
    expect(text(second?.startKey)).toBe('app/html\0')
    expect(second?.revision).toBe('10')
    expect(api.requestsOf('keys:list')).toHaveLength(2)
    expect(screen.getByText('5 keys')).toBeInTheDocument()
    expect(within(keyList()).getByRole('button', { name: 'bin\\xff\\x00' })).toBeInTheDocument()
  })

  it('shows a fast first page at once and its count when keys:count answers', async () => {
    const api = keysApi()
    let answerCount: (n: number) => void = () => undefined
    api.handle('keys:list', () =>
      ok({ entries: [keyEntry(bytes('a'), null)], revision: '10', nextKey: null, count: null }),
    )
    api.handle('keys:count', () => new Promise((resolve) => (answerCount = (n) => resolve(ok(n)))))
    renderKeys(api)
    await screen.findByRole('button', { name: 'a' })
    expect(screen.getByText('Showing 1 key (counting…)')).toBeInTheDocument()
    await waitFor(() => expect(api.requestsOf('keys:count')).toHaveLength(1))
    act(() => answerCount(1))
    expect(await screen.findByText('1 key')).toBeInTheDocument()
  })

  it('expands a folder of the tree with keys:children and shows its count', async () => {
    const { api } = renderKeys()
    await userEvent.click(screen.getByRole('button', { name: 'Tree' }))
    const folder = await screen.findByRole('button', { name: /^app\// })
    expect(folder).toHaveAttribute('aria-expanded', 'false')
    await userEvent.click(folder)
    expect(await screen.findByRole('button', { name: 'a' })).toBeInTheDocument()
    expect(folder).toHaveTextContent('(3 keys)')
    const listed = api.requestsOf('keys:children').map((r) => text(r.prefix))
    expect(listed).toEqual(['', 'app/'])
    expect(api.requestsOf('keys:children')[1]?.separator).toBe('/')
    expect(api.requestsOf('keys:count').map((r) => text(r.prefix))).toContain('app/')
  })

  it('shows a binary value as hex and metadata with the lease in hex', async () => {
    const api = keysApi()
    api.handle('keys:get', ({ key }) =>
      ok({
        ...keyEntry(key, new Uint8Array([0xde, 0xad, 0xbe, 0xef])),
        lease: '7587862072731036427',
      }),
    )
    renderKeys(api)
    await userEvent.click(await screen.findByRole('button', { name: 'bin\\xff\\x00' }))
    const value = await screen.findByLabelText('Contents')
    expect(value).toHaveTextContent('de ad be ef')
    expect(screen.getByRole('button', { name: 'Hex' })).toHaveAttribute('aria-pressed', 'true')
    expect(screen.getByText('694d805a59caeb0b')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Text' }))
    expect(screen.getByText(/Not valid UTF-8 text: shown as hex/)).toBeInTheDocument()
  })

  it('renders untrusted values as text, never as HTML, and pretty-prints JSON', async () => {
    const { container } = renderKeys()
    await userEvent.click(await screen.findByRole('button', { name: 'app/html' }))
    expect(await screen.findByText('<img src=x onerror="alert(1)">')).toBeInTheDocument()
    expect(container.querySelector('img')).toBeNull()
    await userEvent.click(screen.getByRole('button', { name: 'app/b' }))
    await waitFor(() =>
      expect(screen.getByLabelText('Contents').textContent).toBe('{\n  "replicas": 3\n}'),
    )
  })

  it('jumps to a key and explains a missing one', async () => {
    const { onAction } = renderKeys()
    await userEvent.type(screen.getByLabelText('Jump to'), 'app/a')
    await userEvent.click(screen.getByRole('button', { name: 'Open' }))
    expect(await screen.findByRole('heading', { name: 'app/a' })).toBeInTheDocument()
    expect(onAction).toHaveBeenCalledWith({ kind: 'get', key: bytes('app/a') })
    await userEvent.clear(screen.getByLabelText('Jump to'))
    await userEvent.type(screen.getByLabelText('Jump to'), 'nope')
    await userEvent.click(screen.getByRole('button', { name: 'Open' }))
    expect(await screen.findByText(/The key does not exist/)).toBeInTheDocument()
  })
})

describe('Keys: edit, conflicts, delete and live updates', () => {
  it('saves an edit as compare-and-swap on the mod revision', async () => {
    const { api, onAction } = renderKeys()
    api.handle('keys:put', () => ok({ revision: '12' }))
    await userEvent.click(await screen.findByRole('button', { name: 'app/a' }))
    await userEvent.click(await screen.findByRole('button', { name: 'Edit' }))
    const value = screen.getByLabelText('Value')
    expect(value).toHaveValue('hello')
    expect(screen.getByLabelText('Key')).toHaveAttribute('readonly')
    await userEvent.type(value, ' world')
    await userEvent.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(api.requestsOf('keys:put')).toHaveLength(1))
    const put = api.requestsOf('keys:put')[0]
    expect(text(put?.key)).toBe('app/a')
    expect(text(put?.value)).toBe('hello world')
    expect(put?.expectModRevision).toBe('5')
    await waitFor(() =>
      expect(onAction).toHaveBeenLastCalledWith({
        kind: 'put',
        key: bytes('app/a'),
        value: bytes('hello world'),
      }),
    )
  })

  it('shows a concurrent change on KEY_CONFLICT instead of overwriting, then overwrites on request', async () => {
    const { api } = renderKeys()
    await userEvent.click(await screen.findByRole('button', { name: 'app/a' }))
    await userEvent.click(await screen.findByRole('button', { name: 'Edit' }))
    api.handle('keys:put', ({ expectModRevision }) =>
      expectModRevision === '5'
        ? fail({
            code: 'KEY_CONFLICT',
            message: 'app/a changed',
            detail: { key: 'app/a', expectedModRevision: '5', currentModRevision: '7' },
          })
        : ok({ revision: '13' }),
    )
    api.handle('keys:get', ({ key }) => ok(keyEntry(key, bytes('their value'), '7')))
    await userEvent.type(screen.getByRole('textbox', { name: 'Value' }), '!')
    await userEvent.click(screen.getByRole('button', { name: 'Save' }))
    const conflict = await screen.findByText(/someone else changed this key/)
    const box = conflict.closest('[role="alert"]') as HTMLElement
    expect(box).toHaveTextContent('You edited mod revision 5; it is now 7')
    expect(box).toHaveTextContent('their value')
    expect(screen.getByRole('textbox', { name: 'Value' })).toHaveValue('hello!')
    await userEvent.click(within(box).getByRole('button', { name: 'Overwrite with my value' }))
    await waitFor(() =>
      expect(api.requestsOf('keys:put').map((p) => p.expectModRevision)).toEqual(['5', '7']),
    )
  })

  it('creates a new key only if it does not exist yet', async () => {
    const { api } = renderKeys()
    api.handle('keys:put', () => ok({ revision: '12' }))
    await userEvent.click(screen.getByRole('button', { name: 'New key' }))
    await userEvent.click(screen.getByRole('button', { name: 'Save' }))
    expect(screen.getByText('Enter a key.')).toBeInTheDocument()
    await userEvent.type(screen.getByLabelText('Key'), 'app/new')
    await userEvent.type(screen.getByLabelText('Value'), 'v1')
    await userEvent.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(api.requestsOf('keys:put')).toHaveLength(1))
    expect(api.requestsOf('keys:put')[0]?.expectModRevision).toBe('0')
  })

  it('asks before deleting a prefix and says how many keys go', async () => {
    const { api } = renderKeys()
    api.handle('keys:delete-prefix', () => ok({ deleted: 3 }))
    expect(screen.getByRole('button', { name: 'Delete prefix' })).toBeDisabled()
    await userEvent.type(screen.getByLabelText('Prefix'), 'app/')
    await waitFor(() => expect(screen.getByRole('button', { name: 'Delete prefix' })).toBeEnabled())
    await userEvent.click(screen.getByRole('button', { name: 'Delete prefix' }))
    const dialog = screen.getByRole('dialog', { name: 'Delete every key under this prefix?' })
    await waitFor(() => expect(dialog).toHaveTextContent('3 keys are deleted'))
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete 3 keys' }))
    await waitFor(() => expect(api.requestsOf('keys:delete-prefix')).toHaveLength(1))
    expect(text(api.requestsOf('keys:delete-prefix')[0]?.prefix)).toBe('app/')
  })

  it('asks before deleting one key', async () => {
    const { api } = renderKeys()
    api.handle('keys:delete', () => ok({ deleted: 1 }))
    await userEvent.click(await screen.findByRole('button', { name: 'app/a' }))
    await userEvent.click(await screen.findByRole('button', { name: 'Delete' }))
    expect(screen.getByRole('dialog', { name: 'Delete this key?' })).toHaveTextContent(
      'cannot be undone',
    )
    await userEvent.click(screen.getByRole('button', { name: 'Delete key' }))
    await waitFor(() => expect(api.requestsOf('keys:delete')).toHaveLength(1))
    expect(await screen.findByText('No key selected')).toBeInTheDocument()
  })

  it('watches from after the listing, applies pushed events, and unwatches on leave', async () => {
    const { api, unmount } = renderKeys()
    await screen.findByRole('button', { name: 'app/a' })
    await waitFor(() => expect(api.requestsOf('keys:watch')).toHaveLength(1))
    expect(api.requestsOf('keys:watch')[0]?.fromRevision).toBe('11')
    await waitFor(() => expect(api.requestsOf('keys:list')).toHaveLength(2))
    act(() => {
      api.emit('keys:events', {
        cluster: 'demo',
        watchId: WATCH_ID,
        events: [
          { type: 'put', key: bytes('app/aa'), valueSize: 1, modRevision: '12' },
          { type: 'delete', key: bytes('app/b'), valueSize: null, modRevision: '13' },
        ],
      })
    })
    expect(await within(keyList()).findByRole('button', { name: 'app/aa' })).toBeInTheDocument()
    expect(within(keyList()).queryByRole('button', { name: 'app/b' })).not.toBeInTheDocument()
    unmount()
    await waitFor(() => expect(api.requestsOf('keys:unwatch')).toEqual([{ watchId: WATCH_ID }]))
    expect(api.listenerCount('keys:events')).toBe(0)
  })

  it('says a stopped cluster must be started to browse keys', () => {
    renderWithApi(
      <KeysPanel cluster={clusterView('demo', 'stopped')} onAction={vi.fn()} />,
      keysApi(),
    )
    expect(screen.getByText('Cluster demo is stopped')).toBeInTheDocument()
  })
})
