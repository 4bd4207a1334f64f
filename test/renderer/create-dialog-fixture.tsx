import { vi } from 'vitest'
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
