import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { KeysPanel } from '../../src/renderer/src/features/keys/keys-panel'
import type { KeySearchMatch, KeySearchUpdate } from '../../src/shared/key-search'
import { fail, ok, type FakeApi } from './fake-api'
import { bytes, clusterView, renderWithApi, text } from './fixtures'
import { keysApi } from './keys-fixture'

const SEARCH_ID = '22222222-2222-4222-8222-222222222222'

function match(key: string, extra: Partial<KeySearchMatch> = {}): KeySearchMatch {
  return {
    key: bytes(key),
    modRevision: '9',
    valueSize: null,
    matchedIn: 'key',
    preview: null,
    ...extra,
  }
}

function update(extra: Partial<KeySearchUpdate>): KeySearchUpdate {
  return {
    cluster: 'demo',
    searchId: SEARCH_ID,
    matches: [],
    scanned: 0,
    total: null,
    state: 'running',
    error: null,
    ...extra,
  }
}

/** The Keys tab on the fake engine, switched to Search. */
async function openSearch(api: FakeApi = keysApi()) {
  api.handle('keys:search', () => ok({ searchId: SEARCH_ID, revision: '10' }))
  api.handle('keys:search-cancel', () => ok(null))
  renderWithApi(<KeysPanel cluster={clusterView('demo')} onAction={vi.fn()} />, api)
  await userEvent.click(await screen.findByRole('button', { name: 'Search' }))
  const form = screen.getByRole('search', { name: 'Search keys' })
  return { api, form }
}

async function search(form: HTMLElement, pattern: string) {
  await userEvent.type(within(form).getByLabelText('Search for'), pattern)
  await userEvent.click(within(form).getByRole('button', { name: 'Search' }))
}

const status = () => screen.getByRole('status', { name: 'Search status' })

describe('Keys → Search', () => {
  it('streams matches and progress, then says it is done', async () => {
    const { api, form } = await openSearch()
    await userEvent.click(within(form).getByLabelText('Search values too'))
    await search(form, 'app')
    expect(api.requestsOf('keys:search')).toEqual([
      expect.objectContaining({
        cluster: 'demo',
        pattern: 'app',
        mode: 'substring',
        inValues: true,
        ignoreCase: false,
      }),
    ])
    expect(text(api.requestsOf('keys:search')[0]!.prefix)).toBe('')
    act(() => api.emit('keys:search-update', update({ scanned: 1000, total: 100_000 })))
    expect(status()).toHaveTextContent('Scanned 1,000 of 100,000 keys · 0 matches')
    expect(screen.getByRole('progressbar', { name: 'Search progress' })).toHaveAttribute(
      'value',
      '1000',
    )
    act(() =>
      api.emit(
        'keys:search-update',
        update({
          matches: [
            match('app/a'),
            match('app/b', { matchedIn: 'value', preview: '{"app": 1}', valueSize: 10 }),
          ],
          scanned: 50_000,
          total: 100_000,
        }),
      ),
    )
    const results = screen.getByRole('list', { name: 'Search results' })
    expect(within(results).getByRole('button', { name: /^app\/a in key/ })).toBeInTheDocument()
    expect(within(results).getByText('{"app": 1}')).toBeInTheDocument()
    act(() =>
      api.emit('keys:search-update', update({ scanned: 100_000, total: 100_000, state: 'done' })),
    )
    expect(status()).toHaveTextContent('Done: scanned 100,000 keys · 2 matches')
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument()
    expect(within(form).getByRole('button', { name: 'Cancel search' })).toBeDisabled()
  })

  it('opens a match in the value viewer', async () => {
    const { api, form } = await openSearch()
    await search(form, 'a')
    act(() => api.emit('keys:search-update', update({ matches: [match('app/a')], state: 'done' })))
    await userEvent.click(screen.getByRole('button', { name: /^app\/a/ }))
    expect(await screen.findByLabelText('Contents')).toHaveTextContent('hello')
  })

  it('virtualizes thousands of matches', async () => {
    const { api, form } = await openSearch()
    await search(form, 'k')
    const many = Array.from({ length: 5000 }, (_, i) => match(`k/${String(i).padStart(4, '0')}`))
    act(() => api.emit('keys:search-update', update({ matches: many, state: 'capped' })))
    const rows = within(screen.getByRole('list', { name: 'Search results' })).getAllByRole(
      'listitem',
    )
    expect(rows.length).toBeGreaterThan(10)
    expect(rows.length).toBeLessThan(100)
    expect(status()).toHaveTextContent(/Stopped at 5,000 matches \(the limit in Settings\)/)
  })

  it('cancels: the engine is told, later pushes are ignored', async () => {
    const { api, form } = await openSearch()
    await search(form, 'app')
    act(() => api.emit('keys:search-update', update({ scanned: 2000, total: 100_000 })))
    await userEvent.click(within(form).getByRole('button', { name: 'Cancel search' }))
    expect(api.requestsOf('keys:search-cancel')).toEqual([{ searchId: SEARCH_ID }])
    expect(status()).toHaveTextContent('Cancelled after 2,000 of 100,000 keys · 0 matches')
    act(() => api.emit('keys:search-update', update({ matches: [match('late')], scanned: 4000 })))
    expect(screen.queryByRole('button', { name: /^late/ })).not.toBeInTheDocument()
    expect(status()).toHaveTextContent('Cancelled after 2,000')
  })

  it('keeps pushes that arrive before the engine answered with the id', async () => {
    const api = keysApi()
    let answer: () => void = () => undefined
    const { form } = await openSearch(api)
    api.handle(
      'keys:search',
      () =>
        new Promise((resolve) => {
          answer = () => resolve(ok({ searchId: SEARCH_ID, revision: '10' }))
        }),
    )
    await search(form, 'app')
    act(() => api.emit('keys:search-update', update({ matches: [match('app/early')] })))
    await act(async () => answer())
    expect(await screen.findByRole('button', { name: /^app\/early/ })).toBeInTheDocument()
  })

  it('refuses a bad regular expression as it is typed, naming it', async () => {
    const { api, form } = await openSearch()
    await userEvent.selectOptions(within(form).getByLabelText('Match as'), 'Regular expression')
    await userEvent.type(within(form).getByLabelText('Search for'), 'key-(0')
    expect(within(form).getByRole('alert')).toHaveTextContent(
      /^\/key-\(0\/ is not a valid regular expression: /,
    )
    expect(within(form).getByLabelText('Search for')).toHaveAttribute('aria-invalid', 'true')
    expect(within(form).getByRole('button', { name: 'Search' })).toBeDisabled()
    expect(api.requestsOf('keys:search')).toEqual([])
  })

  it("shows the engine's refusal", async () => {
    const { api, form } = await openSearch()
    api.handle('keys:search', () =>
      fail({ code: 'CLUSTER_NOT_RUNNING', message: 'Cluster demo is not running.' }),
    )
    await search(form, 'app')
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent('Cluster demo is not running.'),
    )
  })
})
