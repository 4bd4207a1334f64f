import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { Desk } from '../../src/renderer/src/features/desk/desk'
import { ShortcutKeysProvider } from '../../src/renderer/src/features/shared/app-commands'
import type { AppCommand } from '../../src/shared/app-commands'
import { FakeApi, ok } from './fake-api'
import { clusterView, renderWithApi, suggestTutorial } from './fixtures'

function deskApi() {
  return new FakeApi({
    'clusters:list': () => ok([clusterView('demo')]),
    'cluster:suggest': suggestTutorial,
  })
}

async function renderDesk(api: FakeApi, handlesShortcutKeys = false) {
  renderWithApi(
    <ShortcutKeysProvider isEnabled={handlesShortcutKeys}>
      <Desk />
    </ShortcutKeysProvider>,
    api,
  )
  await screen.findByRole('table', { name: 'Members of demo' })
}

function send(api: FakeApi, command: AppCommand) {
  act(() => api.emit('app:command', { command }))
}

/**
 * Sends an idempotent command until `check` passes: under load the workspace may subscribe a
 * moment after the table first renders, and a push sent before that is (rightly) not replayed.
 */
async function sendUntil(api: FakeApi, command: AppCommand, check: () => void) {
  await waitFor(() => {
    send(api, command)
    check()
  })
}

const selectedTab = () =>
  within(screen.getByRole('tablist', { name: 'Cluster demo' })).getByRole('tab', { selected: true })

describe('App commands from the menu (app:command)', () => {
  it('create-cluster opens the Create cluster dialog', async () => {
    const api = deskApi()
    await renderDesk(api)
    send(api, 'create-cluster')
    expect(screen.getByRole('dialog', { name: 'Create cluster' })).toBeInTheDocument()
    // A second command does not replace the open dialog (nor what was typed in it).
    send(api, 'show-settings')
    expect(screen.queryByRole('dialog', { name: 'Settings' })).not.toBeInTheDocument()
  })

  it('show-logs and show-keys switch the workspace tab', async () => {
    const api = deskApi()
    await renderDesk(api)
    expect(selectedTab()).toHaveTextContent('Members')
    await sendUntil(api, 'show-logs', () => expect(selectedTab()).toHaveTextContent('Logs'))
    await sendUntil(api, 'show-keys', () => expect(selectedTab()).toHaveTextContent('Keys'))
  })

  it('find focuses the search field of the current tab', async () => {
    const api = deskApi()
    await renderDesk(api)
    await sendUntil(api, 'show-logs', () => expect(selectedTab()).toHaveTextContent('Logs'))
    send(api, 'find')
    expect(screen.getByLabelText('Search')).toHaveFocus()
    send(api, 'show-keys')
    await screen.findByLabelText('Prefix')
    send(api, 'find')
    expect(screen.getByLabelText('Prefix')).toHaveFocus()
  })

  it('show-settings opens Settings, also from the sidebar button', async () => {
    const api = deskApi()
    await renderDesk(api)
    send(api, 'show-settings')
    expect(await screen.findByRole('dialog', { name: 'Settings' })).toBeInTheDocument()
    await userEvent.click(
      within(screen.getByRole('dialog', { name: 'Settings' })).getByRole('button', {
        name: 'Close',
      }),
    )
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Settings' }))
    expect(screen.getByRole('dialog', { name: 'Settings' })).toBeInTheDocument()
  })

  it('stops listening when the window unmounts', async () => {
    const api = deskApi()
    const { unmount } = renderWithApi(<Desk />, api)
    await screen.findByRole('table', { name: 'Members of demo' })
    expect(api.listenerCount('app:command')).toBeGreaterThan(0)
    unmount()
    expect(api.listenerCount('app:command')).toBe(0)
  })
})

describe('Shortcut keys', () => {
  it('in browser mode, Ctrl+K switches to Keys and the browser does not see the key', async () => {
    await renderDesk(deskApi(), true)
    // Retried like sendUntil: the key listener's effect may run a moment after the first render.
    await waitFor(() => {
      const isNotPrevented = fireEvent.keyDown(window, { key: 'k', ctrlKey: true })
      expect(isNotPrevented).toBe(false)
      expect(selectedTab()).toHaveTextContent('Keys')
    })
    fireEvent.keyDown(window, { key: 'l', metaKey: true })
    expect(selectedTab()).toHaveTextContent('Logs')
    // Not a shortcut: left alone.
    expect(fireEvent.keyDown(window, { key: 'k', ctrlKey: true, shiftKey: true })).toBe(true)
    expect(selectedTab()).toHaveTextContent('Logs')
  })

  it('in Electron (menu accelerators send app:command) key presses are not handled twice', async () => {
    const api = deskApi()
    await renderDesk(api, false)
    // First a positive signal: the workspace listens (the menu's command switches the tab), so
    // a key press that changes nothing below is ignored on purpose, not missed.
    await sendUntil(api, 'show-logs', () => expect(selectedTab()).toHaveTextContent('Logs'))
    expect(fireEvent.keyDown(window, { key: 'k', ctrlKey: true })).toBe(true)
    expect(selectedTab()).toHaveTextContent('Logs')
  })
})
