import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { appendCapped } from '../../src/renderer/src/features/logs/log-buffer'
import { LogsPanel } from '../../src/renderer/src/features/logs/logs-panel'
import { words } from '../../src/shared/engine-words/engine-words'
import { FakeApi, ok } from './fake-api'
import { clusterView, logLine, renderWithApi } from './fixtures'

function logsApi() {
  return new FakeApi({
    'logs:get': ({ member }) =>
      ok(
        member === 'etcd1'
          ? [logLine('etcd1', 1, 'starting etcd'), logLine('etcd1', 2, 'leader elected')]
          : member === 'etcd2'
            ? [
                logLine('etcd2', 1, 'peer etcd3 unreachable', 'warn'),
                logLine('etcd2', 2, 'disk full', 'error'),
              ]
            : [],
      ),
  })
}

function logBox() {
  return screen.getByRole('log', { name: 'Log lines' })
}

describe('Logs', () => {
  it('shows all members merged, then only the selected member', async () => {
    const api = logsApi()
    renderWithApi(<LogsPanel cluster={clusterView('demo')} />, api)
    await screen.findByText('leader elected')
    expect(within(logBox()).getByText('disk full')).toBeInTheDocument()
    expect(api.requestsOf('logs:get').map((r) => r.member)).toEqual(['etcd1', 'etcd2', 'etcd3'])
    await userEvent.click(screen.getByRole('tab', { name: 'etcd2' }))
    expect(within(logBox()).getByText('disk full')).toBeInTheDocument()
    expect(within(logBox()).queryByText('leader elected')).not.toBeInTheDocument()
  })

  it('filters by level and by search text', async () => {
    renderWithApi(<LogsPanel cluster={clusterView('demo')} />, logsApi())
    await screen.findByText('leader elected')
    await userEvent.selectOptions(screen.getByLabelText('Level'), 'warn')
    expect(within(logBox()).getByText('peer etcd3 unreachable')).toBeInTheDocument()
    expect(within(logBox()).getByText('disk full')).toBeInTheDocument()
    expect(within(logBox()).queryByText('starting etcd')).not.toBeInTheDocument()
    await userEvent.selectOptions(screen.getByLabelText('Level'), 'all')
    await userEvent.type(screen.getByLabelText('Search'), 'ELECTED')
    await waitFor(() => expect(within(logBox()).queryByText('disk full')).not.toBeInTheDocument())
    expect(within(logBox()).getByText('leader elected')).toBeInTheDocument()
    expect(screen.getByText('1 of 4 lines')).toBeInTheDocument()
  })

  it('appends pushed batches of its own cluster and ignores repeats and other clusters', async () => {
    const api = logsApi()
    renderWithApi(<LogsPanel cluster={clusterView('demo')} />, api)
    await screen.findByText('leader elected')
    act(() => {
      api.emit('logs:append', {
        cluster: 'demo',
        lines: [
          logLine('etcd1', 2, 'leader elected'),
          logLine('etcd1', 3, 'ready to serve client requests'),
        ],
      })
      api.emit('logs:append', { cluster: 'other', lines: [logLine('etcd1', 9, 'not mine')] })
    })
    expect(await screen.findByText('ready to serve client requests')).toBeInTheDocument()
    expect(screen.queryByText('not mine')).not.toBeInTheDocument()
    expect(screen.getAllByText('leader elected')).toHaveLength(1)
  })

  it('shows a crashed member’s exit reason and last lines', async () => {
    const cluster = clusterView('demo', ['running', 'crashed', 'running'])
    const crashed = cluster.members[1]
    if (!crashed) throw new Error('fixture')
    crashed.lastExit = {
      code: 2,
      signal: null,
      at: '2025-01-01T10:00:00Z',
      logTail: ['panic: bad data dir'],
      reason: 'exited unexpectedly with exit code 2',
      reasonWords: words('engine-notices:exit.unexpectedCode', { code: 2 }),
    }
    renderWithApi(<LogsPanel cluster={cluster} />, logsApi())
    const notice = await screen.findByText(/etcd2 crashed/)
    expect(notice.closest('[role="alert"]')).toHaveTextContent('exit code 2')
    expect(screen.getByText('panic: bad data dir')).toBeInTheDocument()
  })

  it('pauses following and resumes with the Follow toggle', async () => {
    renderWithApi(<LogsPanel cluster={clusterView('demo')} />, logsApi())
    await screen.findByText('leader elected')
    const follow = screen.getByRole('button', { name: 'Follow' })
    expect(follow).toHaveAttribute('aria-pressed', 'true')
    await userEvent.click(follow)
    expect(follow).toHaveAttribute('aria-pressed', 'false')
  })

  it('copies and saves the lines in view as text', async () => {
    const writeText = vi.fn((_text: string) => Promise.resolve())
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
    const createObjectURL = vi.fn((_blob: Blob) => 'blob:logs')
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() })
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined)
    renderWithApi(<LogsPanel cluster={clusterView('demo')} />, logsApi())
    await screen.findByText('leader elected')
    await userEvent.click(screen.getByRole('tab', { name: 'etcd1' }))
    await userEvent.click(screen.getByRole('button', { name: 'Copy' }))
    expect(writeText.mock.calls[0]?.[0]).toMatch(/INFO starting etcd\n.*INFO leader elected$/)
    expect(await screen.findByText('Copied 2 lines')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Save' }))
    expect(click).toHaveBeenCalledOnce()
    const blob = createObjectURL.mock.calls[0]?.[0]
    const saved = await new Promise<string>((resolve) => {
      const reader = new FileReader()
      reader.onload = () => resolve(reader.result as string)
      reader.readAsText(blob as Blob)
    })
    expect(saved).toContain('leader elected')
    click.mockRestore()
  })

  it('keeps at most the cap of lines, dropping the oldest', () => {
    const many = Array.from({ length: 30 }, (_, i) => logLine('etcd1', i + 1, `line ${i + 1}`))
    const kept = appendCapped(many.slice(0, 20), many.slice(20), 25)
    expect(kept).toHaveLength(25)
    expect(kept[0]?.msg).toBe('line 6')
  })

  it('says what to do when there are no lines yet', async () => {
    renderWithApi(<LogsPanel cluster={clusterView('demo', 'stopped')} />, new FakeApi())
    expect(await screen.findByText('No log lines yet')).toBeInTheDocument()
  })
})
