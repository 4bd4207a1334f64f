import { act, render, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { Desk } from '../../src/renderer/src/features/desk/desk'
import { ErrorMessage } from '../../src/renderer/src/features/shared/error-message'
import { ERROR_HINTS } from '../../src/renderer/src/features/shared/error-hints'
import type { ErrorCode, ErrorData } from '../../src/shared/result'
import { FakeApi, fail, fakeConnection, ok } from './fake-api'
import { clusterView, renderWithApi } from './fixtures'

describe('Errors', () => {
  it('has a title and a next step for every error code', () => {
    for (const [code, hint] of Object.entries(ERROR_HINTS)) {
      expect(hint.title, code).not.toBe('')
      expect(hint.hint, code).toMatch(/\w.*\./)
    }
  })

  it('renders what happened, the engine message, the hint and the code', () => {
    const codes = Object.keys(ERROR_HINTS) as ErrorCode[]
    for (const code of codes) {
      const { unmount } = render(
        <ErrorMessage error={{ code, message: `engine says ${code}` } as ErrorData} />,
      )
      const alert = screen.getByRole('alert')
      expect(alert).toHaveTextContent(ERROR_HINTS[code].title)
      expect(alert).toHaveTextContent(ERROR_HINTS[code].hint)
      expect(screen.getByText(`engine says ${code}`)).toHaveAttribute('lang', 'en')
      unmount()
    }
  })

  it('shows a failed cluster listing with a retry that asks again', async () => {
    let calls = 0
    const api = new FakeApi({
      'clusters:list': () =>
        ++calls === 1 ? fail({ code: 'ENGINE_CLOSED', message: 'closing' }) : ok([]),
    })
    renderWithApi(<Desk />, api)
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Could not list clusters: etcd Desk is shutting down')
    act(() => screen.getByRole('button', { name: 'Retry' }).click())
    expect(await screen.findByText('No clusters yet')).toBeInTheDocument()
  })

  it('turns a transport that throws into a DISCONNECTED error instead of crashing', async () => {
    const api = new FakeApi({ 'clusters:list': () => Promise.reject(new Error('socket closed')) })
    renderWithApi(<Desk />, api)
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The connection to etcd Desk was lost',
    )
  })
})

describe('Connection banner', () => {
  it('appears when the connection is lost and clears, with a refresh, when it is back', async () => {
    const api = new FakeApi({ 'clusters:list': () => ok([clusterView('demo')]) })
    const connection = fakeConnection()
    renderWithApi(<Desk />, api, connection.source)
    await screen.findByRole('table', { name: 'Members of demo' })
    act(() => connection.set('connected'))
    expect(screen.queryByText(/Connection to etcd Desk lost/)).not.toBeInTheDocument()
    act(() => connection.set('reconnecting'))
    expect(screen.getByRole('alert')).toHaveTextContent('Connection to etcd Desk lost')
    act(() => connection.set('connected'))
    expect(screen.queryByText(/Connection to etcd Desk lost/)).not.toBeInTheDocument()
    await waitFor(() => expect(api.requestsOf('clusters:list')).toHaveLength(2))
    expect(api.requestsOf('cluster:status').length).toBeGreaterThanOrEqual(2)
  })

  it('does not alarm during the first connection', () => {
    const connection = fakeConnection()
    renderWithApi(<Desk />, new FakeApi(), connection.source)
    act(() => connection.set('connecting'))
    expect(screen.queryByText(/Connection to etcd Desk lost/)).not.toBeInTheDocument()
  })
})
