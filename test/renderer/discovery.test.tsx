import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { CommandsPanel } from '../../src/renderer/src/features/commands/commands-panel'
import { FakeApi, ok } from './fake-api'
import { clusterView, renderWithApi, suggestTutorial } from './fixtures'
import { openSuggestedDialog } from './create-dialog-fixture'

describe('Create cluster: Bootstrap', () => {
  it('offers static (default) or discovery, and explains DNS SRV without running it', async () => {
    await openSuggestedDialog(new FakeApi({ 'cluster:suggest': suggestTutorial }))
    await userEvent.click(screen.getByText('Advanced options'))
    const group = screen.getByRole('group', { name: 'Bootstrap' })
    expect(within(group).getByRole('radio', { name: 'Static (--initial-cluster)' })).toBeChecked()
    expect(within(group).getByRole('radio', { name: 'Discovery' })).not.toBeChecked()
    expect(group).toHaveAccessibleDescription(/DNS SRV discovery .* is explained, not run/)
  })

  it('sends bootstrap: discovery with the spec', async () => {
    const api = new FakeApi({ 'cluster:suggest': suggestTutorial })
    api.handle('cluster:create', () => ok(clusterView('cluster-1')))
    await openSuggestedDialog(api)
    await userEvent.click(screen.getByText('Advanced options'))
    await userEvent.click(screen.getByRole('radio', { name: 'Discovery' }))
    await userEvent.click(screen.getByRole('button', { name: 'Create' }))
    await waitFor(() => expect(api.requestsOf('cluster:create')).toHaveLength(1))
    expect(api.requestsOf('cluster:create')[0]).toMatchObject({ bootstrap: 'discovery' })
  })
})

describe('Commands: discovery', () => {
  it('shows the discovery etcd, the token curl, the listing and the registry', async () => {
    const url = 'http://127.0.0.1:41000/v2/keys/_etcd/registry/uuid-1'
    const api = new FakeApi({
      'cluster:commands': () =>
        ok({
          members: [],
          etcdctl: 'etcdctl',
          etcdctlTls: [],
          discovery: {
            etcd: '/usr/bin/etcd --name=discovery --enable-v2=true',
            createToken: `curl -X PUT ${url}/_config/size -d value=3`,
            listRegistry: `curl -s '${url}?recursive=true'`,
            entries: [
              {
                key: '/_etcd/registry/uuid-1/8e9e05c52164694d',
                value: 'etcd1=http://127.0.0.1:2380',
              },
            ],
          },
        }),
    })
    renderWithApi(<CommandsPanel cluster={clusterView('demo')} lastKeyAction={null} />, api)
    expect(await screen.findByText('/usr/bin/etcd --name=discovery --enable-v2=true')).toBeVisible()
    expect(screen.getByText(`curl -X PUT ${url}/_config/size -d value=3`)).toBeVisible()
    const registry = screen.getByRole('table', { name: 'Discovery registry' })
    expect(within(registry).getByText('etcd1=http://127.0.0.1:2380')).toBeVisible()
  })
})
