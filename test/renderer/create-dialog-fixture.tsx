import { screen, waitFor } from '@testing-library/react'
import { expect, vi } from 'vitest'
import { apiReleaseCatalog } from '../../src/renderer/src/features/create-cluster/api-release-catalog'
import { CreateClusterDialog } from '../../src/renderer/src/features/create-cluster/create-cluster-dialog'
import { ReleaseCatalogProvider } from '../../src/renderer/src/features/create-cluster/release-catalog'
import type { FakeApi } from './fake-api'
import { renderWithApi } from './fixtures'

/** Renders the create dialog over a fake engine, with the release catalog read through it. */
export function renderCreateDialog(api: FakeApi) {
  return renderWithApi(
    <ReleaseCatalogProvider value={apiReleaseCatalog(api)}>
      <CreateClusterDialog
        clusters={[]}
        onClose={vi.fn()}
        onCreated={vi.fn()}
        onShowCluster={vi.fn()}
      />
    </ReleaseCatalogProvider>,
    api,
  )
}

/**
 * Renders the create dialog over a fake engine without a release catalog, and waits until it
 * shows the suggested cluster and the system etcd.
 */
export async function openSuggestedDialog(api: FakeApi) {
  renderWithApi(
    <CreateClusterDialog
      clusters={[]}
      onClose={vi.fn()}
      onCreated={vi.fn()}
      onShowCluster={vi.fn()}
    />,
    api,
  )
  await waitFor(() => expect(screen.getByLabelText('Name')).toHaveValue('cluster-1'))
  await screen.findByRole('option', { name: /System etcd 3\.5\.17/ })
}
