import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { Desk } from '../../src/renderer/src/features/desk/desk'
import { AccessPanel } from '../../src/renderer/src/features/auth/access-panel'
import { ApiProvider } from '../../src/renderer/src/features/shared/api-context'
import type { AuthView } from '../../src/shared/auth'
import type { ClusterView, OperationReport } from '../../src/shared/cluster'
import { ok } from './fake-api'
import { clusterView, renderWithApi } from './fixtures'
import { keysApi } from './keys-fixture'
import { words } from '../../src/shared/engine-words/engine-words'

const ENDPOINTS = 'http://127.0.0.1:2379,http://127.0.0.1:12379,http://127.0.0.1:22379'
const ETCDCTL = '/r/v3.5.17/etcdctl'
const TWIN = `${ETCDCTL} --endpoints=${ENDPOINTS}`

function authView(isEnabled: boolean, patch: Partial<AuthView> = {}): AuthView {
  return {
    cluster: 'demo',
    isEnabled,
    isRootPasswordKnown: true,
    passwordStore: 'memory',
    browseAs: null,
    isRunning: true,
    users: isEnabled
      ? [
          { name: 'bob', roles: [] },
          { name: 'root', roles: ['root'] },
        ]
      : [],
    roles: [],
    ...patch,
  }
}

/** The report the engine keeps of an auth switch, with its etcdctl twins. */
function switchReport(kind: 'auth-enable' | 'auth-disable', commands: string[]): OperationReport {
  const label = kind === 'auth-enable' ? 'Enabling' : 'Disabling'
  const key = kind === 'auth-enable' ? 'authEnable' : 'authDisable'
  return {
    kind,
    label: `${label} authentication on demo`,
    labelWords: words(`engine-steps-maintenance:label.${key}`, { cluster: 'demo' }),
    startedAt: '2026-01-01T10:00:00.000Z',
    endedAt: `2026-01-01T10:00:0${commands.length}.000Z`,
    isSuccess: true,
    steps: [],
    stepWords: [],
    probe: null,
    error: null,
    commands,
  }
}

/**
 * A fake engine whose etcdctl flags follow authentication like the real one: `--user=root` while it
 * is on; turning it on or off pushes the cluster's view with the operation's report, as the
 * engine does when the operation ends.
 */
function authApi() {
  const api = keysApi()
  let isOn = false
  let revision = 1
  const flags = () => (isOn ? ['--user=root'] : [])
  const push = (report: OperationReport) => {
    revision += 1
    const view: ClusterView = { ...clusterView('demo'), revision, lastOperation: report }
    api.emit('cluster:changed', view)
  }
  api.handle('clusters:list', () => ok([clusterView('demo')]))
  api.handle('cluster:commands', () => ok({ members: [], etcdctl: ETCDCTL, etcdctlTls: flags() }))
  api.handle('maintenance:tools', () =>
    ok({
      version: '3.5.17',
      etcdctl: ETCDCTL,
      etcdctlTls: flags(),
      etcdutl: '/r/v3.5.17/etcdutl',
      snapshotsDir: '/tmp/desk/snapshots',
    }),
  )
  api.handle('auth:status', () => ok(authView(isOn)))
  api.handle('auth:enable', () => {
    isOn = true
    push(
      switchReport('auth-enable', [
        `${TWIN} user add root`,
        `${TWIN} role add root`,
        `${TWIN} user grant-role root root`,
        `${TWIN} auth enable`,
      ]),
    )
    return ok(authView(true))
  })
  api.handle('auth:disable', () => {
    push(switchReport('auth-disable', [`${TWIN} --user=root auth disable`]))
    isOn = false
    return ok(authView(false))
  })
  return api
}

async function showTab(name: string) {
  await userEvent.click(await screen.findByRole('tab', { name }))
  return screen.getByRole('tabpanel', { name })
}

describe('after authentication is turned on or off', () => {
  it('the Commands tab shows etcdctl lines with --user=root, then without', async () => {
    const api = authApi()
    renderWithApi(<Desk />, api)
    const commands = await showTab('Commands')
    const members = `${TWIN} member list -w table`
    expect(await within(commands).findByText(members)).toBeInTheDocument()
    expect(
      within(commands).getByText(`${TWIN} endpoint hashkv --cluster -w table`),
    ).toBeInTheDocument()

    const access = await showTab('Access')
    const form = await within(access).findByRole('form', { name: 'Enable authentication' })
    await userEvent.type(within(form).getByLabelText('Root password'), 'root-secret-42')
    await userEvent.type(within(form).getByLabelText('Repeat root password'), 'root-secret-42')
    await userEvent.click(within(form).getByRole('button', { name: 'Enable authentication' }))
    await within(access).findByText(/On: every client must log in/)

    await showTab('Commands')
    const asRoot = `${TWIN} --user=root member list -w table`
    expect(await within(commands).findByText(asRoot)).toBeInTheDocument()
    expect(
      within(commands).getByText(`${TWIN} --user=root endpoint hashkv --cluster -w table`),
    ).toBeInTheDocument()
    expect(within(commands).queryByText(members)).not.toBeInTheDocument()
    const operation = within(commands).getByRole('region', {
      name: 'Your last cluster operation as commands',
    })
    expect(within(operation).getByText(/Enabling authentication on demo/)).toBeInTheDocument()
    expect(within(operation).getByText(`${TWIN} user grant-role root root`)).toBeInTheDocument()

    await showTab('Access')
    await userEvent.click(within(access).getByRole('button', { name: 'Disable authentication' }))
    const dialog = await screen.findByRole('dialog', { name: 'Disable authentication?' })
    await userEvent.click(within(dialog).getByRole('button', { name: 'Disable authentication' }))
    await within(access).findByText(/Off: every client may read and write/)
    await showTab('Commands')
    expect(await within(commands).findByText(members)).toBeInTheDocument()
    expect(within(commands).queryByText(asRoot)).not.toBeInTheDocument()
    expect(within(operation).getByText(`${TWIN} --user=root auth disable`)).toBeInTheDocument()
  })

  it('a Keys tab opened before offers Browse as once another window turned it on', async () => {
    const api = authApi()
    renderWithApi(<Desk />, api)
    const keys = await showTab('Keys')
    await within(keys).findByRole('button', { name: 'app/a' })
    expect(within(keys).queryByRole('form', { name: 'Browse as' })).not.toBeInTheDocument()
    // Another window (or the browser next to the app) enables it: only the push reaches this one.
    await api.request('auth:enable', { cluster: 'demo', rootPassword: 'root-secret-42' })
    const form = await within(keys).findByRole('form', { name: 'Browse as' })
    expect(within(form).getByRole('option', { name: 'bob' })).toBeInTheDocument()
  })

  it('the Access tab lists a user another window added (the engine pushes the view)', async () => {
    const api = authApi()
    await api.request('auth:enable', { cluster: 'demo', rootPassword: 'root-secret-42' })
    renderWithApi(<Desk />, api)
    const access = await showTab('Access')
    await within(access).findByRole('row', { name: /bob/ })
    const carol = { name: 'carol', roles: [] }
    api.handle('auth:status', () => ok(authView(true, { users: [carol] })))
    api.emit('cluster:changed', { ...clusterView('demo'), revision: 100 })
    expect(await within(access).findByRole('row', { name: /carol/ })).toBeInTheDocument()
  })

  it('the key browser stops browsing as bob when another window turns auth off', async () => {
    const api = authApi()
    api.handle('auth:browse-as', ({ user }) => ok(authView(true, { browseAs: user })))
    await api.request('auth:enable', { cluster: 'demo', rootPassword: 'root-secret-42' })
    renderWithApi(<Desk />, api)
    const keys = await showTab('Keys')
    const form = await within(keys).findByRole('form', { name: 'Browse as' })
    await userEvent.selectOptions(within(form).getByLabelText('Browse as user'), 'bob')
    await userEvent.type(within(form).getByLabelText('Password of bob'), 'bob-secret-42')
    await userEvent.click(within(form).getByRole('button', { name: 'Browse as' }))
    await within(form).findByText('Browsing as bob')
    await userEvent.click(await within(keys).findByRole('button', { name: 'app/a' }))
    const commands = await showTab('Commands')
    // Bob's login replaces root's: etcdctl prompts for bob's password.
    expect(
      await within(commands).findByText(`${TWIN} --user=bob get -w json -- 'app/a'`),
    ).toBeInTheDocument()

    await api.request('auth:disable', { cluster: 'demo' })
    await showTab('Keys')
    await waitFor(() =>
      expect(within(keys).queryByRole('form', { name: 'Browse as' })).not.toBeInTheDocument(),
    )
    await userEvent.click(within(keys).getByRole('button', { name: 'app/b' }))
    await showTab('Commands')
    expect(await within(commands).findByText(`${TWIN} get -w json -- 'app/b'`)).toBeInTheDocument()
  })
})

describe('Enable and Disable authentication while another operation runs', () => {
  it('are disabled, saying what runs', async () => {
    const running: ClusterView = {
      ...clusterView('demo'),
      operation: {
        kind: 'defragment',
        label: 'Defragmenting cluster demo',
        labelWords: words('engine-steps-maintenance:label.defragment', { cluster: 'demo' }),
        startedAt: '2026-01-01T10:00:00.000Z',
        step: null,
        stepWords: null,
      },
    }
    const api = keysApi()
    api.handle('auth:status', () => ok(authView(false)))
    const { rerender } = renderWithApi(<AccessPanel cluster={running} />, api)
    const form = await screen.findByRole('form', { name: 'Enable authentication' })
    await userEvent.type(within(form).getByLabelText('Root password'), 'root-secret-42')
    await userEvent.type(within(form).getByLabelText('Repeat root password'), 'root-secret-42')
    const enable = within(form).getByRole('button', { name: 'Enable authentication' })
    expect(enable).toBeDisabled()
    expect(enable).toHaveAttribute(
      'title',
      'Defragmenting cluster demo is in progress; wait until it finishes.',
    )
    rerender(
      <ApiProvider api={api}>
        <AccessPanel cluster={clusterView('demo')} />
      </ApiProvider>,
    )
    await waitFor(() => expect(enable).toBeEnabled())
  })
})
