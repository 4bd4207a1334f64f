import { act, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { Desk } from '../../src/renderer/src/features/desk/desk'
import { SettingsDialog } from '../../src/renderer/src/features/settings/settings-dialog'
import type { AppInfo, StartupReport } from '../../src/shared/contract'
import { words } from '../../src/shared/engine-words/engine-words'
import type { Result } from '../../src/shared/result'
import { FakeApi, fail, ok } from './fake-api'
import { renderWithApi } from './fixtures'

function appInfo(change: Partial<AppInfo>): Result<AppInfo> {
  return ok({
    appVersion: '0.1.0',
    dataDir: '/tmp/desk',
    platform: 'linux-x64',
    systemEtcd: null,
    engineLog: { path: '/tmp/desk/engine.log', canOpen: false },
    startup: null,
    ...change,
  })
}

const REPORT: StartupReport = {
  id: 'start-42',
  lines: [
    'Adopted 3 members of cluster demo still running from the last run.',
    'Stopped 1 member of cluster lab left running by the last run.',
  ],
  lineWords: [
    words('engine-notices:startup.adopted', { count: 3, cluster: 'demo' }),
    words('engine-notices:startup.stopped', { count: 1, cluster: 'lab' }),
  ],
}

afterEach(() => localStorage.clear())

describe('Settings: engine log', () => {
  it('opens the engine log with the engine where it can (Electron)', async () => {
    const api = new FakeApi({
      'app:info': () => appInfo({ engineLog: { path: '/data/engine.log', canOpen: true } }),
      'app:open-engine-log': () => ok(null),
    })
    renderWithApi(<SettingsDialog onClose={vi.fn()} />, api)
    const row = await screen.findByRole('region', { name: 'Engine log' })
    expect(await within(row).findByText('/data/engine.log')).toBeInTheDocument()
    expect(within(row).queryByRole('link')).not.toBeInTheDocument()
    await userEvent.click(within(row).getByRole('button', { name: 'Open engine log' }))
    expect(api.requestsOf('app:open-engine-log')).toEqual([{}])
  })

  it('says why the engine log could not be opened', async () => {
    const api = new FakeApi({
      'app:info': () => appInfo({ engineLog: { path: '/data/engine.log', canOpen: true } }),
      'app:open-engine-log': () => fail({ code: 'INTERNAL', message: 'no file manager' }),
    })
    renderWithApi(<SettingsDialog onClose={vi.fn()} />, api)
    const row = await screen.findByRole('region', { name: 'Engine log' })
    await userEvent.click(await within(row).findByRole('button', { name: 'Open engine log' }))
    expect(await within(row).findByRole('alert')).toHaveTextContent('Could not open the engine log')
  })

  it('shows only the path where it can neither open nor link it', async () => {
    renderWithApi(<SettingsDialog onClose={vi.fn()} />, new FakeApi())
    const row = await screen.findByRole('region', { name: 'Engine log' })
    expect(await within(row).findByText('/tmp/desk/engine.log')).toBeInTheDocument()
    expect(within(row).queryByRole('button')).not.toBeInTheDocument()
    expect(within(row).queryByRole('link')).not.toBeInTheDocument()
  })
})

describe('Start-up report', () => {
  it('shows what start-up found until dismissed, and not again after a reload', async () => {
    const api = new FakeApi({ 'app:info': () => appInfo({ startup: REPORT }) })
    const first = renderWithApi(<Desk />, api)
    const notice = await screen.findByRole('status', { name: 'What etcd Desk found at start-up' })
    expect(notice).toHaveTextContent(
      'Adopted 3 members of cluster demo still running from the last run.',
    )
    expect(notice).toHaveTextContent(
      'Stopped 1 member of cluster lab left running by the last run.',
    )
    await userEvent.click(within(notice).getByRole('button', { name: 'Dismiss' }))
    expect(notice).not.toBeInTheDocument()
    first.unmount()
    renderWithApi(<Desk />, api)
    await screen.findByText('No clusters yet')
    await act(async () => undefined)
    expect(api.requestsOf('app:info')).toHaveLength(2)
    expect(screen.queryByRole('status', { name: /found at start-up/ })).not.toBeInTheDocument()
  })

  it('shows a new report after an older one was dismissed; none when there is nothing to tell', async () => {
    localStorage.setItem('etcd-desk.dismissed-startup-reports', JSON.stringify(['start-41']))
    const api = new FakeApi({ 'app:info': () => appInfo({ startup: REPORT }) })
    const first = renderWithApi(<Desk />, api)
    expect(
      await screen.findByRole('status', { name: 'What etcd Desk found at start-up' }),
    ).toBeInTheDocument()
    first.unmount()
    api.handle('app:info', () => appInfo({ startup: null }))
    renderWithApi(<Desk />, api)
    await screen.findByText('No clusters yet')
    await act(async () => undefined)
    expect(screen.queryByRole('status', { name: /found at start-up/ })).not.toBeInTheDocument()
  })
})
