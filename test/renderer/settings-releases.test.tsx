import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { SettingsDialog } from '../../src/renderer/src/features/settings/settings-dialog'
import { ERROR_HINTS } from '../../src/renderer/src/features/shared/error-hints'
import type { InstalledRelease } from '../../src/shared/releases'
import { FakeApi, fail, ok } from './fake-api'
import { renderWithApi } from './fixtures'

const RELEASES: InstalledRelease[] = [
  {
    version: '3.5.17',
    dir: '/tmp/desk/releases/3.5.17',
    sizeBytes: 64 * 1024 * 1024,
    source: 'https://github.com/etcd-io/etcd/releases/download/v3.5.17/etcd.tar.gz',
    isVerified: true,
    installedAt: '2025-01-02T10:00:00Z',
  },
  {
    version: '3.6.0',
    dir: '/tmp/desk/releases/3.6.0',
    sizeBytes: 70 * 1024 * 1024,
    source: 'import',
    isVerified: false,
    installedAt: null,
  },
]

function releasesApi() {
  let installed = [...RELEASES]
  const api = new FakeApi({ 'releases:installed': () => ok(installed) })
  api.handle('releases:remove', ({ version }) => {
    installed = installed.filter((r) => r.version !== version)
    return ok(null)
  })
  return api
}

async function openReleases(api: FakeApi) {
  renderWithApi(<SettingsDialog onClose={vi.fn()} />, api)
  return screen.findByRole('table', { name: 'Installed etcd releases' })
}

describe('Settings: etcd releases', () => {
  it('lists installed releases newest first with size, source and verification', async () => {
    const table = await openReleases(releasesApi())
    const rows = within(table).getAllByRole('row').slice(1)
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual([
      'etcd 3.6.0',
      'etcd 3.5.17',
    ])
    expect(rows[0]).toHaveTextContent('70 MiB')
    expect(rows[0]).toHaveTextContent('Imported archive')
    expect(rows[0]).toHaveTextContent('Unverified')
    expect(rows[1]).toHaveTextContent('github.com')
    expect(rows[1]).toHaveTextContent('Verified')
    // Installed versions are offered as the default version for new clusters.
    expect(
      within(screen.getByLabelText('Default etcd version')).getByRole('option', {
        name: 'etcd 3.6.0',
      }),
    ).toBeInTheDocument()
  })

  it('orders versions as semver does: a release after its pre-releases, rc.10 after rc.9', async () => {
    const versions = ['3.6.0-rc.9', '3.6.0', '3.6.0-rc.10', '3.5.9', '3.5.17']
    const base = RELEASES[0] as InstalledRelease
    const api = new FakeApi({
      'releases:installed': () => ok(versions.map((version) => ({ ...base, version }))),
    })
    const table = await openReleases(api)
    const rows = within(table).getAllByRole('row').slice(1)
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual([
      'etcd 3.6.0',
      'etcd 3.6.0-rc.10',
      'etcd 3.6.0-rc.9',
      'etcd 3.5.17',
      'etcd 3.5.9',
    ])
  })

  it('asks before removing, then removes and lists again', async () => {
    const api = releasesApi()
    await openReleases(api)
    await userEvent.click(screen.getByRole('button', { name: 'Remove etcd 3.5.17' }))
    const confirm = screen.getByRole('dialog', { name: 'Remove etcd 3.5.17?' })
    expect(confirm).toHaveTextContent('/tmp/desk/releases/3.5.17')
    expect(api.requestsOf('releases:remove')).toHaveLength(0)
    await userEvent.click(within(confirm).getByRole('button', { name: 'Remove' }))
    await waitFor(() => expect(screen.queryByText('etcd 3.5.17')).not.toBeInTheDocument())
    expect(api.requestsOf('releases:remove')).toEqual([{ version: '3.5.17' }])
    expect(screen.queryByRole('dialog', { name: /Remove/ })).not.toBeInTheDocument()
  })

  it('shows RELEASE_IN_USE with what to do, and keeps the release', async () => {
    const api = releasesApi()
    api.handle('releases:remove', ({ version }) =>
      fail({
        code: 'RELEASE_IN_USE',
        message: `etcd ${version} is used by a cluster; delete that cluster first.`,
        detail: { version },
      }),
    )
    await openReleases(api)
    await userEvent.click(screen.getByRole('button', { name: 'Remove etcd 3.6.0' }))
    const confirm = screen.getByRole('dialog', { name: 'Remove etcd 3.6.0?' })
    await userEvent.click(within(confirm).getByRole('button', { name: 'Remove' }))
    const alert = await within(confirm).findByRole('alert')
    expect(alert).toHaveTextContent(ERROR_HINTS.RELEASE_IN_USE.title)
    expect(alert).toHaveTextContent(ERROR_HINTS.RELEASE_IN_USE.hint)
    expect(alert).toHaveTextContent('etcd 3.6.0 is used by a cluster')
    expect(screen.getByRole('rowheader', { name: 'etcd 3.6.0' })).toBeInTheDocument()
  })

  it('imports an archive; without a checksum it asks before installing unverified', async () => {
    const api = releasesApi()
    api.handle('releases:import', ({ allowUnverified }) =>
      allowUnverified
        ? ok({ version: '3.4.30', etcd: '/r/3.4.30/etcd', etcdctl: '/r/3.4.30/etcdctl' })
        : fail({
            code: 'CHECKSUM_MISSING',
            message:
              'etcd-v3.4.30-linux-amd64.tar.gz cannot be verified: no SHA256SUMS next to it.',
          }),
    )
    await openReleases(api)
    await userEvent.click(screen.getByRole('button', { name: 'Import' }))
    expect(screen.getByLabelText('Archive path')).toHaveAccessibleDescription(
      'Enter the archive path.',
    )
    expect(api.requestsOf('releases:import')).toHaveLength(0)
    await userEvent.type(screen.getByLabelText('Archive path'), '/dl/etcd-v3.4.30.tar.gz')
    await userEvent.click(screen.getByRole('button', { name: 'Import' }))
    const confirm = await screen.findByRole('dialog', { name: 'Install without verification?' })
    expect(confirm).toHaveTextContent('no SHA256SUMS next to it')
    await userEvent.click(within(confirm).getByRole('button', { name: 'Install unverified' }))
    expect(await screen.findByText('Installed etcd 3.4.30.')).toBeInTheDocument()
    expect(api.requestsOf('releases:import')).toEqual([
      { path: '/dl/etcd-v3.4.30.tar.gz' },
      { path: '/dl/etcd-v3.4.30.tar.gz', allowUnverified: true },
    ])
    expect(screen.queryByRole('dialog', { name: /verification/ })).not.toBeInTheDocument()
    expect(api.requestsOf('releases:installed').length).toBeGreaterThan(1)
  })

  it('sends the SHA256SUMS path when given, and cancelling the unverified install sends nothing', async () => {
    const api = releasesApi()
    api.handle('releases:import', () => fail({ code: 'CHECKSUM_MISSING', message: 'not listed' }))
    await openReleases(api)
    await userEvent.type(screen.getByLabelText('Archive path'), '/dl/a.tar.gz')
    await userEvent.type(screen.getByLabelText('SHA256SUMS path'), '/dl/SUMS')
    await userEvent.click(screen.getByRole('button', { name: 'Import' }))
    const confirm = await screen.findByRole('dialog', { name: 'Install without verification?' })
    await userEvent.click(within(confirm).getByRole('button', { name: 'Cancel' }))
    expect(api.requestsOf('releases:import')).toEqual([
      { path: '/dl/a.tar.gz', sha256sumsPath: '/dl/SUMS' },
    ])
  })
})

describe('error hints', () => {
  it('say what happened and what to do for every release error', () => {
    const codes = [
      'RELEASE_NOT_FOUND',
      'PLATFORM_UNSUPPORTED',
      'DOWNLOAD_FAILED',
      'DOWNLOAD_CANCELLED',
      'OFFLINE',
      'CHECKSUM_MISMATCH',
      'CHECKSUM_MISSING',
      'ARCHIVE_INVALID',
      'DISK_FULL',
      'RELEASE_IN_USE',
    ] as const
    for (const code of codes) {
      expect(ERROR_HINTS[code].title.length).toBeGreaterThan(5)
      expect(ERROR_HINTS[code].hint.length).toBeGreaterThan(5)
    }
  })
})
