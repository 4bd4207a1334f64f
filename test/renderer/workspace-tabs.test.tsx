import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { Desk } from '../../src/renderer/src/features/desk/desk'
import { ok } from './fake-api'
import { clusterView, logLine, renderWithApi } from './fixtures'
import { keysApi } from './keys-fixture'

/** The desk with one running cluster, keys (keys-fixture) and a log line per member. */
function renderDesk() {
  const api = keysApi()
  api.handle('clusters:list', () => ok([clusterView('demo')]))
  api.handle('logs:get', ({ member }) => ok([logLine(member, 1, `${member} is ready`)]))
  renderWithApi(<Desk />, api)
  return api
}

async function showTab(name: string) {
  await userEvent.click(await screen.findByRole('tab', { name }))
  return screen.getByRole('tabpanel', { name })
}

describe('Workspace tabs', () => {
  it('keep the Logs lines and filters when switching away and back: no new logs:get', async () => {
    const api = renderDesk()
    const logs = await showTab('Logs')
    await within(logs).findByText('etcd2 is ready')
    expect(api.requestsOf('logs:get')).toHaveLength(3)
    await userEvent.type(within(logs).getByLabelText('Search'), 'etcd2')
    await showTab('Members')
    expect(screen.getByRole('table', { name: 'Members of demo' })).toBeVisible()
    expect(screen.queryByRole('log', { name: 'Log lines' })).not.toBeInTheDocument()
    const again = await showTab('Logs')
    expect(within(again).getByText('etcd2 is ready')).toBeVisible()
    expect(within(again).getByLabelText('Search')).toHaveValue('etcd2')
    expect(api.requestsOf('logs:get')).toHaveLength(3)
  })

  it('keep the Keys prefix and selection when switching away and back: no new keys:list', async () => {
    const api = renderDesk()
    const keys = await showTab('Keys')
    await userEvent.click(await within(keys).findByRole('button', { name: 'app/a' }))
    await within(keys).findByText('hello')
    await waitFor(() => expect(api.requestsOf('keys:list')).toHaveLength(2))
    const listed = api.requestsOf('keys:list').length
    const read = api.requestsOf('keys:get').length
    await showTab('Commands')
    await showTab('Logs')
    const again = await showTab('Keys')
    expect(within(again).getByText('hello')).toBeVisible()
    expect(api.requestsOf('keys:list')).toHaveLength(listed)
    expect(api.requestsOf('keys:get')).toHaveLength(read)
    expect(api.requestsOf('keys:watch')).toHaveLength(1)
  })

  it('mount a tab only when it is first shown', async () => {
    const api = renderDesk()
    await screen.findByRole('table', { name: 'Members of demo' })
    expect(api.requestsOf('logs:get')).toHaveLength(0)
    expect(api.requestsOf('keys:list')).toHaveLength(0)
    expect(api.requestsOf('cluster:commands')).toHaveLength(0)
  })
})
