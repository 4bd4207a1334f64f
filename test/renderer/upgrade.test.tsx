import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { Desk } from '../../src/renderer/src/features/desk/desk'
import type { ClusterOperation, ClusterView } from '../../src/shared/cluster'
import type { UpgradeReport } from '../../src/shared/upgrade'
import type { Result } from '../../src/shared/result'
import { FakeApi, fail, ok } from './fake-api'
import { renderWithApi } from './fixtures'
import { upgradeChoices, upgradeReport, versionedStatus, versionedView } from './upgrade-fixture'
import { words } from '../../src/shared/engine-words/engine-words'

const UPGRADING: ClusterOperation = {
  kind: 'upgrade',
  label: 'Upgrading cluster demo to etcd 3.5.16',
  labelWords: words('engine-steps-maintenance:label.upgrade', {
    cluster: 'demo',
    version: '3.5.16',
  }),
  startedAt: '2025-01-01T10:00:00.000Z',
  step: 'etcd2: starting on etcd 3.5.16',
  stepWords: words('engine-steps-maintenance:step.startingOn', {
    member: 'etcd2',
    version: '3.5.16',
  }),
}

/** The desk on cluster demo as `view`, with the engine's upgrade choices for it. */
async function renderDemo(view: ClusterView, clusterVersion = '3.4.0') {
  const api = new FakeApi({
    'clusters:list': () => ok([view]),
    'cluster:status': () => ok(versionedStatus(view, clusterVersion)),
    'cluster:upgrade-choices': () => ok(upgradeChoices(view)),
  })
  renderWithApi(<Desk />, api)
  await screen.findByRole('table', { name: 'Members of demo' })
  return api
}

/** Opens the Upgrade dialog once its versions are in. */
async function openUpgrade() {
  await userEvent.click(screen.getByRole('button', { name: 'Upgrade' }))
  const dialog = await screen.findByRole('dialog', { name: 'Upgrade etcd' })
  await within(dialog).findByLabelText('Target version')
  return dialog
}

describe('Versions in the Members tab', () => {
  it("shows each member's version, what its server reports, and why the cluster runs at the lowest", async () => {
    // etcd3 runs with 3.5.16 but its server still answers as 3.4.23 (not restarted yet): both shown.
    const view = versionedView(['3.4.23', '3.5.16', '3.5.16'])
    const api = new FakeApi({
      'clusters:list': () => ok([view]),
      'cluster:status': () => ok(versionedStatus(view, '3.4.0', ['3.4.23', '3.5.16', '3.4.23'])),
    })
    renderWithApi(<Desk />, api)
    const table = await screen.findByRole('table', { name: 'Members of demo' })
    expect(within(table).getByRole('columnheader', { name: 'etcd version' })).toBeInTheDocument()
    const row = (name: string) => within(table).getByRole('row', { name: new RegExp(`^${name}`) })
    await waitFor(() =>
      expect(row('etcd1')).toHaveTextContent('3.4.23 ✓ (confirmed by the server)'),
    )
    expect(row('etcd2')).toHaveTextContent('3.5.16 ✓ (confirmed by the server)')
    expect(row('etcd3')).toHaveTextContent('3.5.16server reports 3.4.23')
    const line = await screen.findByLabelText('Cluster version')
    await waitFor(() =>
      expect(line).toHaveTextContent(
        "Cluster version 3.4 (etcd's /version reports etcdcluster 3.4.0)",
      ),
    )
    expect(screen.getByRole('note', { name: 'Mixed versions' })).toHaveTextContent(
      'Members run 3.4.23 and 3.5.16; the cluster runs at 3.4, the lowest — it moves up when the last member is upgraded.',
    )
    expect(screen.getByText(/^etcd 3\.4\.23 and 3\.5\.16 ·/)).toBeInTheDocument()
  })

  it('explains nothing when every member runs the same version', async () => {
    await renderDemo(versionedView(['3.5.16', '3.5.16', '3.5.16']), '3.5.0')
    // The line shows before the first status arrives ("not known"), then the cluster's version.
    const line = await screen.findByLabelText('Cluster version')
    await waitFor(() => expect(line).toHaveTextContent('Cluster version 3.5'))
    expect(screen.queryByRole('note', { name: 'Mixed versions' })).toBeNull()
  })
})

describe('Upgrade dialog', () => {
  it('lists the versions by line, newest first, and shows the plan of the one picked', async () => {
    await renderDemo(versionedView(['3.4.23', '3.4.23', '3.4.23']))
    const dialog = await openUpgrade()
    const now = within(dialog).getByRole('table', { name: 'Member versions now' })
    expect(within(now).getAllByRole('row')).toHaveLength(4)
    expect(within(dialog).getByLabelText('Cluster version now')).toHaveTextContent('3.4')
    const select = within(dialog).getByLabelText('Target version')
    const groups = within(select).getAllByRole('group')
    expect(groups.map((g) => g.getAttribute('label'))).toEqual([
      'etcd 3.6',
      'etcd 3.5',
      'etcd 3.4 (end of life)',
    ])
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([
      '3.6.16 · not offered',
      '3.5.33 · upgrade (download)',
      '3.5.16 · upgrade (download)',
      '3.4.45 · patch (download)',
      '3.4.23 · current',
    ])
    // The newest offered version is picked first.
    expect(select).toHaveValue('3.5.33')
    await userEvent.selectOptions(select, '3.5.16')
    const plan = within(dialog).getByRole('region', { name: 'Plan' })
    expect(plan).toHaveTextContent('3.4.23 → 3.5.16.')
    expect(plan).toHaveTextContent('Upgrade to the next line (3.4 → 3.5)')
    expect(plan).toHaveTextContent('etcd 3.5.16 is not installed: it is downloaded and verified')
    expect(plan).toHaveTextContent('A snapshot is saved first and kept')
    expect(plan).toHaveTextContent('followers first and the leader last')
    expect(within(dialog).getByRole('button', { name: 'Upgrade to 3.5.16' })).toBeEnabled()
  })

  it('will not start a refused version: it says why and offers the two-hop path', async () => {
    const api = await renderDemo(versionedView(['3.4.23', '3.4.23', '3.4.23']))
    api.handle('cluster:upgrade', () => new Promise<Result<UpgradeReport>>(() => undefined))
    const dialog = await openUpgrade()
    const select = within(dialog).getByLabelText('Target version')
    const refused = within(select).getByRole('option', { name: '3.6.16 · not offered' })
    expect(refused).toHaveAttribute('title', expect.stringContaining('skips a line'))
    await userEvent.selectOptions(select, '3.6.16')
    const why = within(dialog).getByRole('note', { name: 'Why 3.6.16 is not offered' })
    expect(why).toHaveTextContent('3.4 → 3.6 skips a line; etcd upgrades one minor line at a time')
    expect(within(dialog).queryByRole('region', { name: 'Plan' })).toBeNull()
    expect(within(dialog).getByRole('button', { name: 'Upgrade' })).toBeDisabled()
    await userEvent.click(
      within(why).getByRole('button', { name: 'Upgrade in 2 hops: 3.5.33, then 3.6.16' }),
    )
    expect(api.requestsOf('cluster:upgrade')).toEqual([
      { cluster: 'demo', version: '3.6.16', allowHops: true },
    ])
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
  })

  it('starts the picked upgrade, then shows its report in the Members tab', async () => {
    const api = await renderDemo(versionedView(['3.4.23', '3.4.23', '3.4.23']))
    let finish: (result: Result<UpgradeReport>) => void = () => undefined
    api.handle('cluster:upgrade', () => new Promise((resolve) => (finish = resolve)))
    const dialog = await openUpgrade()
    await userEvent.selectOptions(within(dialog).getByLabelText('Target version'), '3.5.16')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Upgrade to 3.5.16' }))
    expect(api.requestsOf('cluster:upgrade')).toEqual([{ cluster: 'demo', version: '3.5.16' }])
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(screen.getByRole('button', { name: 'Upgrade' })).toBeDisabled()
    await act(async () => finish(ok(upgradeReport())))
    const report = await screen.findByRole('region', { name: 'Upgrade report' })
    expect(report).toHaveTextContent('Upgrade to etcd 3.5.16: done')
    const swaps = within(report).getByRole('table', { name: 'Member swaps' })
    expect(
      within(swaps)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual([
      'MemberFromToTookRolled back',
      'etcd23.4.233.5.164.2 secno',
      'etcd33.4.233.5.163.9 secno',
      'etcd13.4.233.5.164.6 secno',
    ])
    expect(report).toHaveTextContent('Write probe meanwhile: 197 writes ok, 0 failed.')
    expect(report).toHaveTextContent('Snapshot saved first: demo-etcd1-20250101T100000Z.db')
    expect(report).toHaveTextContent('Cluster version at the end: 3.5.')
    await userEvent.click(within(report).getByRole('button', { name: 'Dismiss report' }))
    expect(screen.queryByRole('region', { name: 'Upgrade report' })).toBeNull()
  })

  it("says why an upgrade failed, with the member's last log lines", async () => {
    const api = await renderDemo(versionedView(['3.4.23', '3.4.23', '3.4.23']))
    api.handle('cluster:upgrade', () =>
      fail({
        code: 'MEMBER_UPGRADE_FAILED',
        message: 'etcd2 did not become healthy on etcd 3.5.16; it runs 3.4.23 again.',
        detail: {
          cluster: 'demo',
          member: 'etcd2',
          version: '3.5.16',
          rolledBackTo: '3.4.23',
          logTail: ['{"level":"fatal","msg":"unknown flag"}'],
        },
      }),
    )
    const dialog = await openUpgrade()
    await userEvent.click(within(dialog).getByRole('button', { name: 'Upgrade to 3.5.33' }))
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent(
      'Could not upgrade demo: A member did not come back on the new version',
    )
    expect(alert).toHaveTextContent('Runs again on: 3.4.23')
    expect(alert).toHaveTextContent('unknown flag')
  })
})

describe('A running or paused upgrade', () => {
  it('offers Pause after this member and Abort while it runs, and sends the stop', async () => {
    const view = { ...versionedView(['3.4.23', '3.5.16', '3.4.23']), operation: UPGRADING }
    const api = await renderDemo(view)
    api.handle('cluster:upgrade-stop', () => ok(null))
    expect(screen.getByRole('status', { name: 'Operation in progress' })).toHaveTextContent(
      'Upgrading cluster demo to etcd 3.5.16 — etcd2: starting on etcd 3.5.16',
    )
    expect(screen.getByRole('button', { name: 'Upgrade' })).toBeDisabled()
    const controls = screen.getByRole('group', { name: 'Upgrade controls' })
    await userEvent.click(within(controls).getByRole('button', { name: 'Pause after this member' }))
    expect(api.requestsOf('cluster:upgrade-stop')).toEqual([{ cluster: 'demo', mode: 'pause' }])
    expect(within(controls).getByRole('status')).toHaveTextContent(
      'Pausing once the member being swapped is healthy',
    )
    expect(within(controls).getByRole('button', { name: 'Abort upgrade' })).toBeDisabled()
  })

  it('aborts a running upgrade', async () => {
    const view = { ...versionedView(['3.4.23', '3.5.16', '3.4.23']), operation: UPGRADING }
    const api = await renderDemo(view)
    api.handle('cluster:upgrade-stop', () => ok(null))
    await userEvent.click(screen.getByRole('button', { name: 'Abort upgrade' }))
    expect(api.requestsOf('cluster:upgrade-stop')).toEqual([{ cluster: 'demo', mode: 'abort' }])
  })

  it('shows a paused upgrade with Continue and Abort', async () => {
    const base = versionedView(['3.5.16', '3.4.23', '3.4.23'])
    const view: ClusterView = {
      ...base,
      definition: {
        ...base.definition,
        pendingUpgrade: {
          plan: { kind: 'upgrade', target: '3.5.16', hops: ['3.5.16'], downgrade: null },
          startedAt: '2025-01-01T10:00:00.000Z',
          snapshotId: 'demo-etcd1.db',
          member: null,
          paused: true,
        },
      },
    }
    const api = await renderDemo(view)
    api.handle('cluster:upgrade', () => new Promise<Result<UpgradeReport>>(() => undefined))
    api.handle('cluster:upgrade-stop', () => ok(null))
    const paused = screen.getByRole('group', { name: 'Paused upgrade' })
    expect(paused).toHaveTextContent(
      'Upgrade to etcd 3.5.16 paused after etcd1 — still to do: etcd2 on 3.4.23 and etcd3 on 3.4.23.',
    )
    await userEvent.click(within(paused).getByRole('button', { name: 'Abort upgrade' }))
    expect(api.requestsOf('cluster:upgrade-stop')).toEqual([{ cluster: 'demo', mode: 'abort' }])
    await userEvent.click(within(paused).getByRole('button', { name: 'Continue upgrade' }))
    expect(api.requestsOf('cluster:upgrade')).toEqual([{ cluster: 'demo', version: '3.5.16' }])
  })
})
