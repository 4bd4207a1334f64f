import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { AccessPanel } from '../../src/renderer/src/features/auth/access-panel'
import { KeysPanel } from '../../src/renderer/src/features/keys/keys-panel'
import { i18n } from '../../src/renderer/src/i18n'
import { passwordProblem, type AuthView } from '../../src/shared/auth'
import { FakeApi, fail, ok } from './fake-api'
import { clusterView, renderWithApi } from './fixtures'

function authView(patch: Partial<AuthView> = {}): AuthView {
  return {
    cluster: 'demo',
    isEnabled: true,
    isRootPasswordKnown: true,
    passwordStore: 'memory',
    browseAs: null,
    isRunning: true,
    users: [
      { name: 'bob', roles: ['app-reader'] },
      { name: 'root', roles: ['root'] },
    ],
    roles: [
      {
        name: 'app-reader',
        permissions: [{ permission: 'read', key: '/app/', isPrefix: true, rangeEnd: null }],
      },
      { name: 'root', permissions: [] },
    ],
    ...patch,
  }
}

const renderAccess = (api: FakeApi) =>
  renderWithApi(<AccessPanel cluster={clusterView('demo')} />, api)

describe('Access tab', () => {
  it('enables authentication with root password typed twice', async () => {
    const api = new FakeApi({
      'auth:status': () => ok(authView({ isEnabled: false, users: [], roles: [] })),
      'auth:enable': () => ok(authView()),
    })
    renderAccess(api)
    const form = await screen.findByRole('form', { name: 'Enable authentication' })
    const button = within(form).getByRole('button', { name: 'Enable authentication' })
    await userEvent.type(within(form).getByLabelText('Root password'), 'root-secret-42')
    expect(button).toBeDisabled()
    await userEvent.type(within(form).getByLabelText('Repeat root password'), 'root-secret-42')
    await userEvent.click(button)
    expect(api.requestsOf('auth:enable')).toEqual([
      { cluster: 'demo', rootPassword: 'root-secret-42' },
    ])
    expect(await screen.findByText(/On: every client must log in/)).toBeInTheDocument()
    expect(screen.getByRole('row', { name: /bob/ })).toBeInTheDocument()
  })

  it('shows a weak password refusal with its reason and hint, in the window’s language', async () => {
    const reasonWords = passwordProblem('root', 'abc')!
    const api = new FakeApi({
      'auth:status': () => ok(authView({ isEnabled: false, users: [], roles: [] })),
      'auth:enable': () =>
        fail({
          code: 'WEAK_PASSWORD',
          message: 'The password for root is too weak: it is shorter than 8 characters.',
          detail: {
            cluster: 'demo',
            user: 'root',
            reason: 'is shorter than 8 characters',
            reasonWords,
          },
        }),
    })
    renderAccess(api)
    const form = await screen.findByRole('form', { name: 'Enable authentication' })
    await userEvent.type(within(form).getByLabelText('Root password'), 'abc')
    await userEvent.type(within(form).getByLabelText('Repeat root password'), 'abc')
    await userEvent.click(within(form).getByRole('button', { name: 'Enable authentication' }))
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('The password is too weak')
    expect(alert).toHaveTextContent('It is shorter than 8 characters')
    try {
      await act(() => i18n.changeLanguage('ja'))
      expect(alert).toHaveTextContent('パスワードが弱すぎます')
      expect(alert).toHaveTextContent('理由: 8 文字より短いです')
    } finally {
      await act(() => i18n.changeLanguage('en'))
    }
  })

  it("asks for root's password when the engine needs it", async () => {
    const api = new FakeApi({
      'auth:status': () => ok(authView({ isRootPasswordKnown: false, users: [], roles: [] })),
      'auth:root-password': () => ok(authView()),
    })
    renderAccess(api)
    const form = await screen.findByRole('form', { name: "Enter root's password" })
    expect(screen.queryByRole('region', { name: 'Users' })).not.toBeInTheDocument()
    await userEvent.type(within(form).getByLabelText("Root's password"), 'root-secret-42')
    await userEvent.click(within(form).getByRole('button', { name: 'Use this password' }))
    expect(api.requestsOf('auth:root-password')).toEqual([
      { cluster: 'demo', password: 'root-secret-42' },
    ])
    expect(await screen.findByRole('region', { name: 'Users' })).toBeInTheDocument()
  })

  it('adds a user, grants a role, and deletes a user after asking', async () => {
    const api = new FakeApi({
      'auth:status': () => ok(authView()),
      'auth:user-add': () => ok(authView()),
      'auth:user-grant': () => ok(authView()),
      'auth:user-delete': () => ok(authView({ users: [{ name: 'root', roles: ['root'] }] })),
    })
    renderAccess(api)
    const add = await screen.findByRole('form', { name: 'Add user' })
    await userEvent.type(within(add).getByLabelText('New user name'), 'alice')
    await userEvent.type(within(add).getByLabelText("New user's password"), 'alice-secret')
    await userEvent.click(within(add).getByRole('button', { name: 'Add user' }))
    expect(api.requestsOf('auth:user-add')).toEqual([
      { cluster: 'demo', user: 'alice', password: 'alice-secret' },
    ])
    await userEvent.selectOptions(screen.getByLabelText('Role to grant to root'), 'app-reader')
    await userEvent.click(screen.getByRole('button', { name: 'Grant role to root' }))
    expect(api.requestsOf('auth:user-grant')).toEqual([
      { cluster: 'demo', user: 'root', role: 'app-reader' },
    ])
    await userEvent.click(screen.getByRole('button', { name: 'Delete user bob' }))
    const dialog = await screen.findByRole('dialog', { name: 'Delete user bob?' })
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete bob' }))
    expect(api.requestsOf('auth:user-delete')).toEqual([{ cluster: 'demo', user: 'bob' }])
    await waitFor(() => expect(screen.queryByRole('row', { name: /bob/ })).not.toBeInTheDocument())
  })

  it('grants a role a permission on a prefix and revokes one', async () => {
    const api = new FakeApi({
      'auth:status': () => ok(authView()),
      'auth:role-grant': () => ok(authView()),
      'auth:role-revoke': () => ok(authView()),
    })
    renderAccess(api)
    const form = await screen.findByRole('form', { name: 'Grant a permission to app-reader' })
    await userEvent.type(within(form).getByLabelText('Key or prefix'), '/cfg/')
    await userEvent.selectOptions(within(form).getByLabelText('Permission'), 'readwrite')
    await userEvent.click(within(form).getByRole('button', { name: 'Grant permission' }))
    expect(api.requestsOf('auth:role-grant')).toEqual([
      {
        cluster: 'demo',
        role: 'app-reader',
        key: '/cfg/',
        isPrefix: true,
        permission: 'readwrite',
      },
    ])
    await userEvent.click(
      screen.getByRole('button', { name: 'Revoke read /app/ (prefix) from app-reader' }),
    )
    expect(api.requestsOf('auth:role-revoke')).toEqual([
      { cluster: 'demo', role: 'app-reader', key: '/app/', isPrefix: true },
    ])
  })
})

describe('Browse as (Keys tab)', () => {
  it('browses as a user, and shows a wrong password as AUTH_FAILED', async () => {
    let attempts = 0
    const api = new FakeApi({
      'auth:status': () => ok(authView()),
      'auth:browse-as': (arg) =>
        ++attempts === 1
          ? fail({ code: 'AUTH_FAILED', message: 'etcd refused the password for bob.' })
          : ok(authView({ browseAs: arg.user })),
    })
    renderWithApi(<KeysPanel cluster={clusterView('demo')} onAction={() => undefined} />, api)
    const form = await screen.findByRole('form', { name: 'Browse as' })
    await userEvent.selectOptions(within(form).getByLabelText('Browse as user'), 'bob')
    await userEvent.type(within(form).getByLabelText('Password of bob'), 'wrong-one')
    await userEvent.click(within(form).getByRole('button', { name: 'Browse as' }))
    expect(await within(form).findByRole('alert')).toHaveTextContent('Wrong user name or password')
    await userEvent.clear(within(form).getByLabelText('Password of bob'))
    await userEvent.type(within(form).getByLabelText('Password of bob'), 'bob-secret-42')
    await userEvent.click(within(form).getByRole('button', { name: 'Browse as' }))
    expect(await within(form).findByText('Browsing as bob')).toBeInTheDocument()
    expect(api.requestsOf('auth:browse-as').at(-1)).toEqual({
      cluster: 'demo',
      user: 'bob',
      password: 'bob-secret-42',
    })
  })
})
