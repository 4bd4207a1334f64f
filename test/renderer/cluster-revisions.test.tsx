import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { Desk } from '../../src/renderer/src/features/desk/desk'
import type { ClusterView } from '../../src/shared/cluster'
import type { Result } from '../../src/shared/result'
import { FakeApi, ok } from './fake-api'
import { clusterView, renderWithApi } from './fixtures'

function heading() {
  return screen.getByRole('heading', { level: 1 })
}

describe('Cluster views by revision', () => {
  it('a late action answer never overwrites a newer pushed state', async () => {
    let answer: (r: Result<ClusterView>) => void = () => undefined
    const api = new FakeApi({
      'clusters:list': () => ok([{ ...clusterView('demo', 'stopped'), revision: 3 }]),
      'cluster:start': () => new Promise((resolve) => (answer = resolve)),
    })
    renderWithApi(<Desk />, api)
    await screen.findByRole('table', { name: 'Members of demo' })
    await userEvent.click(screen.getByRole('button', { name: 'Start all' }))
    const crashed = clusterView('demo', ['running', 'crashed', 'running'])
    act(() => api.emit('cluster:changed', { ...crashed, state: 'degraded', revision: 5 }))
    expect(heading()).toHaveTextContent('degraded')
    await act(async () => answer(ok({ ...clusterView('demo', 'running'), revision: 4 })))
    await waitFor(() => expect(screen.getByRole('button', { name: 'Start all' })).toBeEnabled())
    expect(heading()).toHaveTextContent('degraded')
    const table = screen.getByRole('table', { name: 'Members of demo' })
    expect(within(table).getAllByRole('row')[2]).toHaveTextContent('crashed')
  })

  it('a newer answer replaces an older push', async () => {
    let answer: (r: Result<ClusterView>) => void = () => undefined
    const api = new FakeApi({
      'clusters:list': () => ok([{ ...clusterView('demo', 'stopped'), revision: 3 }]),
      'cluster:start': () => new Promise((resolve) => (answer = resolve)),
    })
    renderWithApi(<Desk />, api)
    await screen.findByRole('table', { name: 'Members of demo' })
    await userEvent.click(screen.getByRole('button', { name: 'Start all' }))
    act(() =>
      api.emit('cluster:changed', {
        ...clusterView('demo', 'starting'),
        state: 'starting',
        revision: 4,
      }),
    )
    expect(heading()).toHaveTextContent('starting')
    await act(async () => answer(ok({ ...clusterView('demo', 'running'), revision: 6 })))
    expect(heading()).toHaveTextContent('running')
  })

  it('a cluster removed by a push is not brought back by an older answer', async () => {
    let answer: (r: Result<ClusterView>) => void = () => undefined
    const api = new FakeApi({
      'clusters:list': () => ok([{ ...clusterView('demo'), revision: 3 }]),
      'member:stop': () => new Promise((resolve) => (answer = resolve)),
    })
    renderWithApi(<Desk />, api)
    await screen.findByRole('table', { name: 'Members of demo' })
    await userEvent.click(screen.getByRole('button', { name: 'Stop etcd2' }))
    act(() => api.emit('cluster:removed', { cluster: 'demo', revision: 4 }))
    await act(async () =>
      answer(ok({ ...clusterView('demo', ['running', 'stopped', 'running']), revision: 3 })),
    )
    expect(await screen.findByText('No clusters yet')).toBeInTheDocument()
  })
})
