import { screen, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { apiReleaseCatalog } from '../../src/renderer/src/features/create-cluster/api-release-catalog'
import { ReleaseCatalogProvider } from '../../src/renderer/src/features/create-cluster/release-catalog'
import { SettingsDialog } from '../../src/renderer/src/features/settings/settings-dialog'
import type { ReleaseList } from '../../src/shared/releases'
import { FakeApi, ok } from './fake-api'
import { renderCreateDialog } from './create-dialog-fixture'
import { installedRelease, renderWithApi, suggestTutorial } from './fixtures'

/** The newest patch of every line (3.4.45 is 3.4's last) and 3.4.44; 3.6.16 and 3.4.45 installed. */
function releaseList(): ReleaseList {
  const entry = { kind: 'release' as const, isPrerelease: false, publishedAt: null }
  return {
    origin: 'bundled',
    fetchedAt: null,
    system: null,
    releases: ['3.7.3', '3.6.16', '3.5.33', '3.4.45', '3.4.44'].map((version) => ({
      ...entry,
      version,
      isAvailable: true,
      isInstalled: version === '3.6.16' || version === '3.4.45',
    })),
  }
}

/** A fake engine whose system etcd is Debian's 3.4.23, with 3.4.45 and 3.6.16 installed. */
function endOfLifeApi(): FakeApi {
  return new FakeApi({
    'app:info': () =>
      ok({
        appVersion: '0.1.0',
        dataDir: '/tmp/desk',
        platform: 'linux-x64',
        systemEtcd: { path: '/usr/bin/etcd', version: '3.4.23' },
        engineLog: { path: '/tmp/desk/engine.log', canOpen: false },
        startup: null,
      }),
    'cluster:suggest': suggestTutorial,
    'releases:list': () => ok(releaseList()),
    'releases:installed': () => ok([installedRelease('3.6.16'), installedRelease('3.4.45')]),
  })
}

describe('3.4 is shown as end of life wherever versions are listed', () => {
  it('in the create dialog: system etcd, installed and downloadable releases', async () => {
    const api = endOfLifeApi()
    renderCreateDialog(api)
    const select = screen.getByLabelText('etcd version')
    await within(select).findByRole('option', { name: 'etcd 3.7.3 (download)' })
    const names = within(select)
      .getAllByRole('option')
      .map((o) => o.textContent)
    expect(names).toEqual([
      'System etcd 3.4.23 (/usr/bin/etcd) (end of life)',
      'etcd 3.6.16',
      'etcd 3.4.45 (end of life)',
      'etcd 3.7.3 (download)',
      'etcd 3.5.33 (download)',
      'etcd 3.4.44 (end of life) (download)',
    ])
  })

  it('in Settings: the default version, Download a version and the installed releases', async () => {
    const api = endOfLifeApi()
    renderWithApi(
      <ReleaseCatalogProvider value={apiReleaseCatalog(api)}>
        <SettingsDialog onClose={vi.fn()} />
      </ReleaseCatalogProvider>,
      api,
    )
    const table = await screen.findByRole('table', { name: 'Installed etcd releases' })
    const rows = within(table).getAllByRole('rowheader')
    expect(rows.map((r) => r.textContent)).toEqual(['etcd 3.6.16', 'etcd 3.4.45 end of life'])
    const defaultVersion = await screen.findByLabelText('Default etcd version')
    await within(defaultVersion).findByRole('option', { name: 'etcd 3.4.45 (end of life)' })
    expect(
      within(defaultVersion).getByRole('option', {
        name: 'System etcd 3.4.23 (/usr/bin/etcd) (end of life)',
      }),
    ).toBeInTheDocument()
    expect(within(defaultVersion).getByRole('option', { name: 'etcd 3.6.16' })).toBeInTheDocument()
    const form = screen.getByRole('form', { name: 'Download a version' })
    const download = within(form).getByLabelText('Version to download')
    await within(download).findByRole('option', { name: 'etcd 3.7.3' })
    expect(
      within(download)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['etcd 3.7.3', 'etcd 3.5.33', 'etcd 3.4.44 (end of life)'])
  })
})
