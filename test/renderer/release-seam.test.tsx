import { act, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import type { ClusterView } from '../../src/shared/cluster'
import type { InstalledBinaryView } from '../../src/shared/contract'
import type { InstallProgress, ReleaseList } from '../../src/shared/releases'
import type { Result } from '../../src/shared/result'
import { FakeApi, fail, ok } from './fake-api'
import { renderCreateDialog } from './create-dialog-fixture'
import { suggestTutorial } from './fixtures'

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

const PROGRESS: InstallProgress = {
  version: '3.6.0',
  phase: 'downloading',
  bytes: 5 * 1024 * 1024,
  total: 20 * 1024 * 1024,
  bytesPerSecond: 2 * 1024 * 1024,
  etaSeconds: 7.5,
  url: null,
}

describe('etcd version field with a release catalog (issue 3 seam)', () => {
  it('downloads a release on request with progress, then offers it as installed', async () => {
    let isInstalled = false
    let finish: (r: Result<InstalledBinaryView>) => void = () => undefined
    const api = new FakeApi({
      'cluster:suggest': suggestTutorial,
      'releases:list': () => ok(releaseList(isInstalled)),
      'releases:install': () => new Promise((resolve) => (finish = resolve)),
    })
    renderCreateDialog(api)
    await screen.findByRole('option', { name: 'etcd 3.6.0 (download)' })
    await userEvent.selectOptions(screen.getByLabelText('etcd version'), '3.6.0')
    await userEvent.click(screen.getByRole('button', { name: 'Download etcd 3.6.0 now' }))
    expect(api.requestsOf('releases:install')).toEqual([{ version: '3.6.0' }])
    // Before the engine's first event, the dialog already says it is downloading.
    expect(screen.getByText('Downloading etcd 3.6.0')).toBeInTheDocument()
    act(() => api.emit('releases:progress', PROGRESS))
    expect(screen.getByRole('progressbar', { name: 'Download of etcd 3.6.0' })).toBeInTheDocument()
    expect(screen.getByText('5.0 MiB of 20 MiB · 2.0 MiB/s · 8 s left')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Cancel download' })).toBeInTheDocument()
    isInstalled = true
    await act(async () =>
      finish(ok({ version: '3.6.0', etcd: '/r/v3.6.0/etcd', etcdctl: '/r/v3.6.0/etcdctl' })),
    )
    await screen.findByRole('option', { name: 'etcd 3.6.0' })
    expect(screen.getByLabelText('etcd version')).toHaveValue('3.6.0')
    expect(screen.getByRole('button', { name: 'Create' })).toBeInTheDocument()
    expect(api.listenerCount('releases:progress')).toBe(0)
  })

  it('Download and create: the create installs the version first, with progress and Cancel', async () => {
    let answer: (r: Result<ClusterView>) => void = () => undefined
    const api = new FakeApi({
      'cluster:suggest': suggestTutorial,
      'releases:list': () => ok(releaseList(false)),
      'cluster:create': () => new Promise((resolve) => (answer = resolve)),
      'releases:cancel': () => ok(null),
    })
    renderCreateDialog(api)
    await screen.findByRole('option', { name: 'etcd 3.6.0 (download)' })
    await userEvent.selectOptions(screen.getByLabelText('etcd version'), '3.6.0')
    expect(
      screen.getByText(
        'etcd 3.6.0 is downloaded, verified and installed when you click Download and create.',
      ),
    ).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Download and create' }))
    expect(api.requestsOf('cluster:create')).toEqual([
      expect.objectContaining({ etcdVersion: '3.6.0' }),
    ])
    act(() => api.emit('releases:progress', { ...PROGRESS, version: '3.5.17' }))
    expect(screen.queryByRole('progressbar')).toBeNull() // another version's download
    act(() => api.emit('releases:progress', PROGRESS))
    expect(screen.getByRole('progressbar', { name: 'Download of etcd 3.6.0' })).toBeInTheDocument()
    expect(screen.queryByText(/Starting 3 members/)).toBeNull()
    await userEvent.click(screen.getByRole('button', { name: 'Cancel download' }))
    expect(api.requestsOf('releases:cancel')).toEqual([{ version: '3.6.0' }])
    await act(async () =>
      answer(
        fail({
          code: 'DOWNLOAD_CANCELLED',
          message: 'The install of etcd 3.6.0 was cancelled.',
        }),
      ),
    )
    await waitFor(() => expect(screen.queryByRole('progressbar')).toBeNull())
    expect(screen.getByText(/The install of etcd 3.6.0 was cancelled/)).toBeInTheDocument()
    expect(api.listenerCount('releases:progress')).toBe(0)
    // After a failed create the versions are listed again: the install may have completed.
    await waitFor(() => expect(api.requestsOf('releases:list')).toHaveLength(2))
  })
})
