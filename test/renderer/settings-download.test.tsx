import { act, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { apiReleaseCatalog } from '../../src/renderer/src/features/create-cluster/api-release-catalog'
import { ReleaseCatalogProvider } from '../../src/renderer/src/features/create-cluster/release-catalog'
import { SettingsDialog } from '../../src/renderer/src/features/settings/settings-dialog'
import type { InstalledBinaryView } from '../../src/shared/contract'
import type { ReleaseList } from '../../src/shared/releases'
import type { Result } from '../../src/shared/result'
import { FakeApi, ok } from './fake-api'
import { installedRelease, renderWithApi } from './fixtures'

const entry = {
  kind: 'release' as const,
  isPrerelease: false,
  publishedAt: null,
  isAvailable: true,
}

describe('Settings: download a version', () => {
  it('downloads a release that is not installed, with progress, and lists it', async () => {
    const installed = new Set(['3.5.17'])
    let finish: (r: Result<InstalledBinaryView>) => void = () => undefined
    const api = new FakeApi({
      'releases:installed': () => ok([...installed].map(installedRelease)),
      'releases:list': () =>
        ok<ReleaseList>({
          origin: 'bundled',
          fetchedAt: null,
          system: null,
          releases: ['3.6.1', '3.5.17', '3.4.23'].map((version) => ({
            ...entry,
            version,
            isInstalled: installed.has(version),
          })),
        }),
      'releases:install': () => new Promise((resolve) => (finish = resolve)),
    })
    renderWithApi(
      <ReleaseCatalogProvider value={apiReleaseCatalog(api)}>
        <SettingsDialog onClose={vi.fn()} />
      </ReleaseCatalogProvider>,
      api,
    )
    const form = await screen.findByRole('form', { name: 'Download a version' })
    const select = within(form).getByLabelText('Version to download')
    await within(select).findByRole('option', { name: 'etcd 3.6.1' })
    expect(within(select).getByRole('option', { name: 'etcd 3.4.23 (end of life)' })).toBeVisible()
    expect(within(select).queryByRole('option', { name: 'etcd 3.5.17' })).toBeNull()
    await userEvent.selectOptions(select, '3.4.23')
    await userEvent.click(within(form).getByRole('button', { name: 'Download' }))
    act(() =>
      api.emit('releases:progress', {
        version: '3.4.23',
        phase: 'downloading',
        bytes: 3 * 1024 * 1024,
        total: 15 * 1024 * 1024,
        bytesPerSecond: 1024 * 1024,
        etaSeconds: 12,
        url: null,
      }),
    )
    expect(within(form).getByRole('progressbar', { name: 'Download of etcd 3.4.23' })).toBeVisible()
    expect(within(form).getByText('3.0 MiB of 15 MiB · 1.0 MiB/s · 12 s left')).toBeVisible()
    installed.add('3.4.23')
    await act(async () =>
      finish(ok({ version: '3.4.23', etcd: '/e/v3.4.23/etcd', etcdctl: '/e/v3.4.23/etcdctl' })),
    )
    expect(await within(form).findByText('Installed etcd 3.4.23.')).toBeVisible()
    const table = await screen.findByRole('table', { name: 'Installed etcd releases' })
    expect(await within(table).findByText('etcd 3.4.23')).toBeVisible()
    expect(within(select).queryByRole('option', { name: /^etcd 3\.4\.23/ })).toBeNull()
  })

  it('is not offered without a release catalog', async () => {
    renderWithApi(<SettingsDialog onClose={vi.fn()} />, new FakeApi())
    await screen.findByText('etcd releases')
    expect(screen.queryByRole('form', { name: 'Download a version' })).toBeNull()
  })
})
