import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { Desk } from '../../src/renderer/src/features/desk/desk'
import type { ClusterView, OperationReport } from '../../src/shared/cluster'
import { FakeApi, fail, ok } from './fake-api'
import { clusterStatus, clusterView, renderWithApi } from './fixtures'
import { words } from '../../src/shared/engine-words/engine-words'

/** The desk on a running 3-member cluster led by etcd1, with `view` replacing the default. */
async function renderDemo(view: ClusterView = clusterView('demo')) {
  const api = new FakeApi({
    'clusters:list': () => ok([view]),
    'cluster:status': () => ok(clusterStatus(view, 'etcd1')),
    'member:suggest': () => ok({ name: 'etcd4', clientPort: 32379, peerPort: 32380 }),
  })
  renderWithApi(<Desk />, api)
  await screen.findByRole('table', { name: 'Members of demo' })
  return api
}

/** A view where etcd4 was added as a learner. */
function withLearner(): ClusterView {
  const base = clusterView('demo', 'running', 4)
  return {
    ...base,
    members: base.members.map((m) => (m.name === 'etcd4' ? { ...m, isLearner: true } : m)),
  }
}

describe('Membership', () => {
  it('shows the voting strength and adds a member as a learner by default, with its quorum', async () => {
    const api = await renderDemo()
    // The count of members up arrives with the first status, after the first render.
    const quorum = await screen.findByLabelText('Quorum now')
    await waitFor(() =>
      expect(quorum).toHaveTextContent('3 voters (3 up), quorum 2, survives 1 failure'),
    )
    api.handle('member:add', () => ok(withLearner()))
    await userEvent.click(screen.getByRole('button', { name: 'Add member' }))
    const dialog = await screen.findByRole('dialog', { name: 'Add a member to demo' })
    await waitFor(() => expect(within(dialog).getByLabelText('Member name')).toHaveValue('etcd4'))
    expect(within(dialog).getByLabelText('Client port')).toHaveValue('32379')
    expect(within(dialog).getByRole('checkbox', { name: /As learner/ })).toBeChecked()
    expect(within(dialog).getByRole('note', { name: 'Quorum before and after' })).toHaveTextContent(
      '3 voters, quorum 2, survives 1 failure → after: 3 voters, quorum 2, survives 1 failure',
    )
    await userEvent.click(within(dialog).getByRole('checkbox', { name: /As learner/ }))
    expect(within(dialog).getByRole('note')).toHaveTextContent(
      '→ after: 4 voters, quorum 3, survives 1 failure',
    )
    expect(within(dialog).getByRole('note')).toHaveTextContent('an even count costs a vote')
    await userEvent.click(within(dialog).getByRole('checkbox', { name: /As learner/ }))
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add member' }))
    expect(api.requestsOf('member:add')).toEqual([
      {
        cluster: 'demo',
        name: 'etcd4',
        clientPort: 32379,
        peerPort: 32380,
        asLearner: true,
      },
    ])
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
  })

  it('offers Promote for a running learner, with its catch-up, and not for voters', async () => {
    const api = await renderDemo(withLearner())
    const learner = await screen.findByRole('article', { name: 'Status of etcd4' })
    expect(
      within(learner).getByRole('progressbar', { name: 'Catch-up of etcd4' }),
    ).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Promote etcd2' })).toBeNull()
    api.handle('member:promote', () => ok(clusterView('demo', 'running', 4)))
    await userEvent.click(within(learner).getByRole('button', { name: 'Promote etcd4' }))
    expect(api.requestsOf('member:promote')).toEqual([{ cluster: 'demo', member: 'etcd4' }])
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Promote etcd4' })).toBeNull())
  })

  it('says why a promote was refused (not in sync yet)', async () => {
    const api = await renderDemo(withLearner())
    api.handle('member:promote', () =>
      fail({
        code: 'LEARNER_NOT_IN_SYNC',
        message: 'Learner etcd4 of cluster demo has not caught up with the leader after 30.0 s.',
        detail: { cluster: 'demo', member: 'etcd4', waitedMs: 30_000 },
      }),
    )
    await userEvent.click(await screen.findByRole('button', { name: 'Promote etcd4' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('The learner has not caught up yet')
  })

  it('asks before removing, with the quorum after it and the data choice', async () => {
    const api = await renderDemo()
    api.handle('member:remove', () => ok(clusterView('demo', 'running', 2)))
    await userEvent.click(await screen.findByRole('button', { name: 'Remove etcd2' }))
    const dialog = await screen.findByRole('dialog', { name: 'Remove etcd2 from demo?' })
    expect(within(dialog).getByRole('note')).toHaveTextContent(
      '3 voters, quorum 2, survives 1 failure → after: 2 voters, quorum 2, survives 0 failures',
    )
    await userEvent.click(within(dialog).getByRole('checkbox', { name: /Keep its data/ }))
    await userEvent.click(within(dialog).getByRole('button', { name: 'Remove member' }))
    expect(api.requestsOf('member:remove')).toEqual([
      { cluster: 'demo', member: 'etcd2', keepData: true },
    ])
  })

  it('will not remove a member when that loses quorum', async () => {
    const view = clusterView('demo', ['running', 'stopped', 'running'])
    const api = await renderDemo(view)
    const status = clusterStatus(view, 'etcd1')
    act(() =>
      api.emit('status:update', {
        ...status,
        members: status.members.map((m) => (m.member === 'etcd2' ? { ...m, healthy: false } : m)),
      }),
    )
    await userEvent.click(await screen.findByRole('button', { name: 'Remove etcd1' }))
    const dialog = await screen.findByRole('dialog', { name: 'Remove etcd1 from demo?' })
    expect(within(dialog).getByRole('note')).toHaveTextContent('the cluster would stop accepting')
    expect(within(dialog).getByRole('button', { name: 'Remove member' })).toBeDisabled()
  })

  it('pauses and resumes a member, and makes another the leader', async () => {
    const api = await renderDemo()
    api.handle('member:pause', () => ok(clusterView('demo', ['running', 'paused', 'running'])))
    api.handle('member:make-leader', () => ok(clusterView('demo')))
    await userEvent.click(await screen.findByRole('button', { name: 'Pause etcd2' }))
    expect(await screen.findByRole('button', { name: 'Resume etcd2' })).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Make leader etcd3' }))
    expect(api.requestsOf('member:make-leader')).toEqual([{ cluster: 'demo', member: 'etcd3' }])
    expect(screen.queryByRole('button', { name: 'Make leader etcd1' })).toBeNull()
  })

  it("shows the last operation's steps and the probe's counts", async () => {
    const report: OperationReport = {
      kind: 'member-add',
      label: 'Adding member etcd4 as a learner',
      labelWords: words('engine-steps-cluster:label.memberAddLearner', { member: 'etcd4' }),
      startedAt: '2025-01-01T10:00:00.000Z',
      endedAt: '2025-01-01T10:00:06.000Z',
      isSuccess: true,
      steps: ['etcd added etcd4 as a learner (id 8e9e) after waiting 4.8 s'],
      stepWords: [
        words('engine-steps-cluster:note.addedLearnerAfterWait', {
          member: 'etcd4',
          id: '8e9e',
          seconds: '4.8',
        }),
      ],
      probe: { ok: 120, failed: 0 },
      error: null,
    }
    await renderDemo({ ...clusterView('demo'), lastOperation: report })
    const section = screen.getByRole('region', { name: 'Last operation' })
    expect(section).toHaveTextContent('Adding member etcd4 as a learner: done')
    expect(section).toHaveTextContent('after waiting 4.8 s')
    expect(section).toHaveTextContent('120 writes ok, 0 failed')
  })
})

describe('Commands tab', () => {
  it('shows the last cluster operation as the etcdctl commands that do the same', async () => {
    const report: OperationReport = {
      kind: 'member-promote',
      label: 'Promoting learner etcd4',
      labelWords: words('engine-steps-cluster:label.memberPromote', { member: 'etcd4' }),
      startedAt: '2025-01-01T10:00:00.000Z',
      endedAt: '2025-01-01T10:00:01.000Z',
      isSuccess: true,
      steps: ['etcd4 promoted to a voter'],
      stepWords: [words('engine-steps-cluster:note.promoted', { member: 'etcd4' })],
      probe: null,
      error: null,
      commands: ["etcdctl '--endpoints=http://127.0.0.1:2379' member promote 8e9e05c52164694d"],
    }
    await renderDemo({ ...clusterView('demo'), lastOperation: report })
    await userEvent.click(screen.getByRole('tab', { name: 'Commands' }))
    const section = await screen.findByRole('region', {
      name: 'Your last cluster operation as commands',
    })
    expect(section).toHaveTextContent('member promote 8e9e05c52164694d')
    expect(
      within(section).getByRole('button', { name: 'Copy step 1 of Promoting learner etcd4' }),
    ).toBeInTheDocument()
  })
})
