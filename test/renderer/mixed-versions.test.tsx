import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { CommandsPanel } from '../../src/renderer/src/features/commands/commands-panel'
import type { ClusterSpec, ClusterView, OperationReport } from '../../src/shared/cluster'
import type { ReleaseList } from '../../src/shared/releases'
import type { Result } from '../../src/shared/result'
import { FakeApi, ok } from './fake-api'
import { clusterView, renderWithApi, suggestTutorial } from './fixtures'
import { renderCreateDialog } from './create-dialog-fixture'
import { words } from '../../src/shared/engine-words/engine-words'

/** 3.5.16 to download, 3.4.23 installed. */
function releaseList(): ReleaseList {
  const entry = { kind: 'release' as const, isPrerelease: false, publishedAt: null }
  return {
    origin: 'bundled',
    fetchedAt: null,
    system: null,
    releases: [
      { ...entry, version: '3.5.16', isAvailable: true, isInstalled: false },
      { ...entry, version: '3.4.23', isAvailable: true, isInstalled: true },
    ],
  }
}

/** The create dialog with a release catalog; cluster:create never answers. */
async function openCreate() {
  const api = new FakeApi({
    'cluster:suggest': suggestTutorial,
    'releases:list': () => ok(releaseList()),
    'cluster:create': () => new Promise<Result<ClusterView>>(() => undefined),
  })
  renderCreateDialog(api)
  const dialog = await screen.findByRole('dialog', { name: 'Create cluster' })
  await waitFor(() => expect(within(dialog).getByLabelText('Name')).toHaveValue('cluster-1'))
  await within(dialog).findByRole('option', { name: /System etcd 3\.5\.17/ })
  return { api, dialog }
}

describe('Create dialog: mixed versions', () => {
  it('gives members their own version and sends it as members[].etcdVersion', async () => {
    const { api, dialog } = await openCreate()
    expect(within(dialog).queryByLabelText('etcd version of etcd2')).toBeNull()
    await userEvent.click(within(dialog).getByText('Advanced options'))
    const mixed = within(dialog).getByRole('checkbox', { name: 'Mixed versions' })
    expect(mixed).toHaveAccessibleDescription(
      /etcd runs a mixed cluster at the lowest member's version, and supports mixing adjacent lines \(3\.4 with 3\.5\) only during an upgrade/,
    )
    await userEvent.click(mixed)
    const etcd2 = within(dialog).getByLabelText('etcd version of etcd2')
    expect(
      within(etcd2)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Same as cluster', 'etcd 3.5.16 (download)', 'etcd 3.4.23 (end of life)'])
    await userEvent.selectOptions(etcd2, '3.5.16')
    await userEvent.selectOptions(within(dialog).getByLabelText('etcd version of etcd3'), '3.4.23')
    await userEvent.selectOptions(within(dialog).getByLabelText('etcd version of etcd3'), '')
    // 3.5.16 is not installed: the create downloads it first.
    await userEvent.click(within(dialog).getByRole('button', { name: 'Download and create' }))
    const [sent] = api.requestsOf('cluster:create') as ClusterSpec[]
    expect(sent?.etcdVersion).toBe('system')
    expect(sent?.members.map((m) => m.etcdVersion)).toEqual([undefined, '3.5.16', undefined])
    expect(sent?.members[0]).not.toHaveProperty('etcdVersion')
    expect(sent?.members[2]).not.toHaveProperty('etcdVersion')
    act(() =>
      api.emit('releases:progress', {
        version: '3.5.16',
        phase: 'downloading',
        bytes: 1024,
        total: 4096,
        bytesPerSecond: 1024,
        etaSeconds: 3,
        url: null,
      }),
    )
    expect(
      within(dialog).getByRole('progressbar', { name: 'Download of etcd 3.5.16' }),
    ).toBeInTheDocument()
  })

  it('turning Mixed versions off gives every member the cluster version again', async () => {
    const { api, dialog } = await openCreate()
    await userEvent.click(within(dialog).getByText('Advanced options'))
    const mixed = within(dialog).getByRole('checkbox', { name: 'Mixed versions' })
    await userEvent.click(mixed)
    await userEvent.selectOptions(within(dialog).getByLabelText('etcd version of etcd1'), '3.4.23')
    await userEvent.click(mixed)
    expect(within(dialog).queryByLabelText('etcd version of etcd1')).toBeNull()
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create' }))
    const [sent] = api.requestsOf('cluster:create') as ClusterSpec[]
    expect(sent?.members.some((m) => 'etcdVersion' in m)).toBe(false)
  })
})

describe('Commands tab: an upgrade', () => {
  it("shows the last upgrade's commands, step by step", async () => {
    const report: OperationReport = {
      kind: 'upgrade',
      label: 'Upgrading cluster demo to etcd 3.5.16',
      labelWords: words('engine-steps-maintenance:label.upgrade', {
        cluster: 'demo',
        version: '3.5.16',
      }),
      startedAt: '2025-01-01T10:00:00.000Z',
      endedAt: '2025-01-01T10:00:20.000Z',
      isSuccess: true,
      steps: ['etcd2: etcd 3.4.23 → 3.5.16, healthy and caught up in 4.2 s'],
      stepWords: [
        words('engine-steps-maintenance:note.swapped', {
          member: 'etcd2',
          from: '3.4.23',
          to: '3.5.16',
          seconds: '4.2',
        }),
      ],
      probe: { ok: 197, failed: 0 },
      error: null,
      commands: ['etcdctl snapshot save demo.db', 'etcdctl move-leader 8e9e05c52164694d'],
    }
    renderWithApi(
      <CommandsPanel
        cluster={{ ...clusterView('demo'), lastOperation: report }}
        lastKeyAction={null}
      />,
      new FakeApi(),
    )
    const section = screen.getByRole('region', { name: 'Your last cluster operation as commands' })
    expect(section).toHaveTextContent(
      'Upgrading cluster demo to etcd 3.5.16: the same, step by step.',
    )
    expect(within(section).getByText('etcdctl snapshot save demo.db')).toBeInTheDocument()
    expect(
      within(section).getByRole('button', {
        name: 'Copy step 2 of Upgrading cluster demo to etcd 3.5.16',
      }),
    ).toBeInTheDocument()
  })
})
