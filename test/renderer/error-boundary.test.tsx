import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Desk } from '../../src/renderer/src/features/desk/desk'
import { ErrorBoundary } from '../../src/renderer/src/features/shared/error-boundary'
import type { ClusterCommandsView } from '../../src/shared/contract'
import { FakeApi, ok } from './fake-api'
import { clusterView, renderWithApi } from './fixtures'

function Boom(): never {
  throw new Error('kaboom: cannot read the thing')
}

beforeEach(() => {
  // React reports every caught render error on the console; these tests cause them on purpose.
  vi.spyOn(console, 'error').mockImplementation(() => undefined)
})
afterEach(() => vi.restoreAllMocks())

describe('Error boundary', () => {
  it('shows what went wrong and a Reload window button instead of a blank window', async () => {
    const onReload = vi.fn()
    render(
      <ErrorBoundary onReload={onReload}>
        <Boom />
      </ErrorBoundary>,
    )
    const alert = screen.getByRole('alert')
    expect(alert).toHaveTextContent('Something went wrong')
    expect(alert).toHaveTextContent('kaboom: cannot read the thing')
    expect(within(alert).queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument()
    await userEvent.click(within(alert).getByRole('button', { name: 'Reload window' }))
    expect(onReload).toHaveBeenCalledTimes(1)
  })

  it('keeps a tab’s render error inside that tab; the other tabs keep working', async () => {
    let commands: unknown = { members: null, etcdctl: 'etcdctl' }
    const api = new FakeApi({
      'clusters:list': () => ok([clusterView('demo')]),
      'cluster:commands': () => ok(commands as ClusterCommandsView),
    })
    renderWithApi(<Desk />, api)
    await userEvent.click(await screen.findByRole('tab', { name: 'Commands' }))
    const panel = screen.getByRole('tabpanel', { name: 'Commands' })
    const alert = await within(panel).findByRole('alert')
    expect(alert).toHaveTextContent('Something went wrong in the Commands tab')
    expect(within(alert).getByRole('button', { name: 'Reload window' })).toBeInTheDocument()
    expect(screen.getByRole('heading', { name: /demo/ })).toBeInTheDocument()
    await userEvent.click(screen.getByRole('tab', { name: 'Members' }))
    expect(screen.getByRole('table', { name: 'Members of demo' })).toBeInTheDocument()
    commands = { members: [], etcdctl: '/usr/bin/etcdctl' }
    await userEvent.click(screen.getByRole('tab', { name: 'Commands' }))
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }))
    expect(await screen.findByText(/Your last key action with etcdctl/)).toBeInTheDocument()
  })
})
