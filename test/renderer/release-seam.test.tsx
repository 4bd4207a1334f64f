import { act, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { CreateClusterDialog } from '../../src/renderer/src/features/create-cluster/create-cluster-dialog'
import {
  ReleaseCatalogProvider,
  type ReleaseCatalog,
} from '../../src/renderer/src/features/create-cluster/release-catalog'
import type { InstalledBinaryView } from '../../src/shared/contract'
import type { InstallProgress, ReleaseList } from '../../src/shared/releases'
import type { Result } from '../../src/shared/result'
import { FakeApi, ok } from './fake-api'
import { renderWithApi, suggestTutorial } from './fixtures'

function releaseList(isNewInstalled: boolean): ReleaseList {
  const entry = {
    kind: 'release' as const,
    isPrerelease: false,
    publishedAt: null,
    isAvailable: true,
  }
  return {
    origin: 'bundled',
    fetchedAt: null,
    releases: [
      { ...entry, version: '3.6.0', isInstalled: isNewInstalled },
      { ...entry, version: '3.5.17', isInstalled: true },
    ],
    system: null,
  }
}

describe('etcd version field with a release catalog (issue 3 seam)', () => {
  it('offers downloadable releases, blocks Create until installed, and shows download progress', async () => {
    let isInstalled = false
    let report: (p: InstallProgress) => void = () => undefined
    let finish: (r: Result<InstalledBinaryView>) => void = () => undefined
    const catalog: ReleaseCatalog = {
      listReleases: () => Promise.resolve(ok(releaseList(isInstalled))),
      installRelease: (_version, onProgress) => {
        report = onProgress
        return new Promise((resolve) => (finish = resolve))
      },
    }
    const api = new FakeApi({
      'cluster:suggest': suggestTutorial,
    })
    renderWithApi(
      <ReleaseCatalogProvider value={catalog}>
        <CreateClusterDialog
          clusters={[]}
          onClose={vi.fn()}
          onCreated={vi.fn()}
          onShowCluster={vi.fn()}
        />
      </ReleaseCatalogProvider>,
      api,
    )
    await screen.findByRole('option', { name: 'etcd 3.6.0 (download)' })
    await userEvent.selectOptions(screen.getByLabelText('etcd version'), '3.6.0')
    expect(screen.getByText('Download etcd 3.6.0 first.')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Create' }))
    expect(api.requestsOf('cluster:create')).toHaveLength(0)
    await userEvent.click(screen.getByRole('button', { name: 'Download etcd 3.6.0' }))
    // Before the engine's first event: downloading, not "waiting for another etcd Desk".
    expect(screen.getByText('Downloading etcd 3.6.0')).toBeInTheDocument()
    expect(screen.queryByText('Download etcd 3.6.0 first.')).not.toBeInTheDocument()
    act(() =>
      report({
        version: '3.6.0',
        phase: 'downloading',
        bytes: 5 * 1024 * 1024,
        total: 20 * 1024 * 1024,
        bytesPerSecond: 2 * 1024 * 1024,
        etaSeconds: 7.5,
        url: null,
      }),
    )
    expect(screen.getByRole('progressbar', { name: 'Download of etcd 3.6.0' })).toBeInTheDocument()
    expect(screen.getByText('5.0 MiB of 20 MiB · 2.0 MiB/s · 8 s left')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Cancel download' })).toBeInTheDocument()
    isInstalled = true
    act(() =>
      finish(ok({ version: '3.6.0', etcd: '/r/v3.6.0/etcd', etcdctl: '/r/v3.6.0/etcdctl' })),
    )
    await waitFor(() =>
      expect(screen.queryByText('Download etcd 3.6.0 first.')).not.toBeInTheDocument(),
    )
    expect(screen.getByLabelText('etcd version')).toHaveValue('3.6.0')
  })
})
