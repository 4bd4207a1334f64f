import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { SettingsDialog } from '../../src/renderer/src/features/settings/settings-dialog'
import { DEFAULT_SETTINGS, type Settings, type SettingsView } from '../../src/shared/settings'
import { FakeApi, SETTINGS_FILE, fail, ok } from './fake-api'
import { renderWithApi } from './fixtures'

function settingsView(change: Partial<Settings> = {}): SettingsView {
  return { settings: { ...DEFAULT_SETTINGS, ...change }, file: SETTINGS_FILE, loadError: null }
}

/** A fake engine that saves settings:update patches like the real one (no validation). */
function settingsApi(initial = settingsView()) {
  let view = initial
  const api = new FakeApi({
    'settings:get': () => ok(view),
    'settings:update': (patch) => {
      const { autoRestart, ...rest } = patch
      const settings = {
        ...view.settings,
        ...rest,
        autoRestart: { ...view.settings.autoRestart, ...autoRestart },
      }
      view = { ...view, settings, loadError: null }
      return ok({ ...view, requiresRestart: patch.dataDir !== undefined })
    },
  })
  return api
}

async function openSettings(api: FakeApi) {
  renderWithApi(<SettingsDialog onClose={vi.fn()} />, api)
  return screen.findByLabelText('Data directory')
}

const field = (name: string) => screen.getByLabelText(name)

async function replace(name: string, value: string) {
  await userEvent.clear(field(name))
  if (value !== '') await userEvent.type(field(name), value)
}

describe('Settings', () => {
  it('loads the saved settings into the form and says where they live', async () => {
    const api = settingsApi(settingsView({ startTimeoutMs: 45_000, quitBehavior: 'keep-running' }))
    await openSettings(api)
    expect(screen.getByRole('dialog', { name: 'Settings' })).toBeInTheDocument()
    expect(field('Start timeout (seconds)')).toHaveValue(45)
    expect(field('Default etcd version')).toHaveValue('system')
    expect(field('Restart crashed members automatically')).not.toBeChecked()
    expect(field('Min uptime (seconds)')).toHaveValue(10)
    expect(screen.getByRole('radio', { name: 'Keep clusters running' })).toBeChecked()
    expect(screen.getByText(SETTINGS_FILE)).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled()
    expect(field('Data directory')).toHaveFocus()
  })

  it('validates with the shared schema as the user types and sends nothing invalid', async () => {
    const api = settingsApi()
    await openSettings(api)
    await replace('Start timeout (seconds)', '2')
    expect(field('Start timeout (seconds)')).toHaveAccessibleDescription(
      'Enter between 5 and 300 seconds.',
    )
    await replace('Release mirror', 'ftp://mirror.example.com')
    expect(field('Release mirror')).toHaveAttribute('aria-invalid', 'true')
    expect(field('Release mirror')).toHaveAccessibleDescription(/http:\/\/ or https:\/\//i)
    await replace('Data directory', 'relative/dir')
    expect(field('Data directory')).toHaveAccessibleDescription('Must be an absolute path')
    await userEvent.click(screen.getByRole('button', { name: 'Save' }))
    expect(screen.getByRole('alert')).toHaveTextContent('Fix the 3 fields marked above')
    expect(api.requestsOf('settings:update')).toHaveLength(0)
  })

  it('saves only what changed, in the engine units', async () => {
    const api = settingsApi()
    await openSettings(api)
    await userEvent.click(field('Restart crashed members automatically'))
    await replace('Restart delay (seconds)', '2.5')
    await replace('Start timeout (seconds)', '60')
    await userEvent.click(screen.getByRole('radio', { name: 'Keep clusters running' }))
    await userEvent.click(screen.getByRole('button', { name: 'Save' }))
    expect(await screen.findByText('Settings saved.')).toBeInTheDocument()
    expect(api.requestsOf('settings:update')).toEqual([
      {
        startTimeoutMs: 60_000,
        quitBehavior: 'keep-running',
        autoRestart: { enabled: true, backoffMs: 2500 },
      },
    ])
    expect(screen.queryByText(/Restart etcd Desk/)).not.toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled()
  })

  it("shows the engine's INVALID_REQUEST issues next to their fields", async () => {
    const api = settingsApi()
    api.handle('settings:update', () =>
      fail({
        code: 'INVALID_REQUEST',
        message: 'Invalid settings: releaseMirror: must not contain credentials',
        detail: { issues: [{ path: ['releaseMirror'], message: 'must not contain credentials' }] },
      }),
    )
    await openSettings(api)
    await replace('Release mirror', 'https://mirror.example.com/etcd')
    await userEvent.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() =>
      expect(field('Release mirror')).toHaveAccessibleDescription('Must not contain credentials'),
    )
    expect(screen.getByRole('alert')).toHaveTextContent('Could not save the settings')
    await userEvent.type(field('Release mirror'), '/v3')
    expect(field('Release mirror')).not.toHaveAttribute('aria-invalid')
  })

  it('says clearly that a new data directory needs a restart', async () => {
    const api = settingsApi()
    await openSettings(api)
    await replace('Data directory', '/srv/etcd-desk')
    await userEvent.click(screen.getByRole('button', { name: 'Save' }))
    const notice = await screen.findByText('Restart etcd Desk to use the new data directory.')
    // The data directory in use (app:info) until then.
    expect(notice.parentElement).toHaveTextContent('Until then it keeps using /tmp/desk')
    expect(api.requestsOf('settings:update')).toEqual([{ dataDir: '/srv/etcd-desk' }])
  })

  it('puts a refused data directory next to its field', async () => {
    const api = settingsApi()
    api.handle('settings:update', () =>
      fail({
        code: 'DATA_DIR_FOREIGN',
        message: '/srv is not empty and is not an etcd Desk data directory.',
      }),
    )
    await openSettings(api)
    await replace('Data directory', '/srv')
    await userEvent.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(field('Data directory')).toHaveAccessibleDescription(/is not empty/))
  })

  it('follows settings:changed: untouched fields update, edits stay', async () => {
    const api = settingsApi()
    await openSettings(api)
    await replace('Start timeout (seconds)', '90')
    act(() =>
      api.emit(
        'settings:changed',
        settingsView({
          startTimeoutMs: 20_000,
          autoRestart: { ...DEFAULT_SETTINGS.autoRestart, maxRestarts: 7 },
        }),
      ),
    )
    expect(field('Max restarts')).toHaveValue(7)
    expect(field('Start timeout (seconds)')).toHaveValue(90)
  })

  it('shows why the saved settings file was not used, with its path', async () => {
    const api = settingsApi({
      ...settingsView(),
      loadError: `${SETTINGS_FILE} is not valid JSON: Unexpected token`,
    })
    await openSettings(api)
    const alert = screen.getByRole('alert')
    expect(alert).toHaveTextContent('Your saved settings could not be used')
    expect(alert).toHaveTextContent(`${SETTINGS_FILE} is not valid JSON`)
    expect(within(alert).getByText(SETTINGS_FILE)).toBeInTheDocument()
    // Saving the defaults writes a good file again.
    await userEvent.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument())
  })

  it('offers Retry when the settings cannot be loaded', async () => {
    const api = settingsApi()
    api.handle('settings:get', () => fail({ code: 'ENGINE_CLOSED', message: 'closing' }))
    renderWithApi(<SettingsDialog onClose={vi.fn()} />, api)
    expect(await screen.findByText(/Could not load the settings/)).toBeInTheDocument()
    api.handle('settings:get', () => ok(settingsView()))
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }))
    expect(await screen.findByLabelText('Data directory')).toBeInTheDocument()
  })
})
