import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { CreateClusterDialog } from '../../src/renderer/src/features/create-cluster/create-cluster-dialog'
import { Desk } from '../../src/renderer/src/features/desk/desk'
import type { ClusterSpec, ClusterView } from '../../src/shared/cluster'
import { tutorialMembers } from '../../src/shared/port-scheme'
import type { Result } from '../../src/shared/result'
import { FakeApi, ok } from './fake-api'
import { clusterView, renderWithApi, suggestTutorial } from './fixtures'

/** A suggestion for `count` members on the ports of cluster slot 4, so it differs from a stand-in. */
function suggestion(count: number): Result<ClusterSpec> {
  const members = tutorialMembers(count, 4)
  return ok({ name: 'cluster-1', members, etcdVersion: 'system', host: '127.0.0.1' })
}

/** Rows of the ports editor. */
function memberRows() {
  return within(screen.getByRole('table')).getAllByRole('textbox', { name: /^Member \d/ })
}

describe('Create dialog: member count and rows', () => {
  it.each([
    ['the later count answers last', [5, 3]],
    ['the earlier count answers last', [3, 5]],
  ])('the later-chosen count wins when %s', async (_, answerOrder) => {
    const answers = new Map<number, (r: Result<ClusterSpec>) => void>()
    const api = new FakeApi({
      'cluster:suggest': ({ memberCount }) =>
        memberCount === 3 && answers.size === 0
          ? suggestion(3)
          : new Promise((resolve) => answers.set(memberCount, resolve)),
    })
    renderWithApi(
      <CreateClusterDialog
        clusters={[]}
        onClose={vi.fn()}
        onCreated={vi.fn()}
        onShowCluster={vi.fn()}
      />,
      api,
    )
    const count = await screen.findByLabelText('Members')
    await waitFor(() => expect(count).toBeEnabled())
    await userEvent.selectOptions(count, '5')
    expect(memberRows()).toHaveLength(5)
    await userEvent.selectOptions(count, '3')
    expect(memberRows()).toHaveLength(3)
    expect(api.requestsOf('cluster:suggest').map((r) => r.memberCount)).toEqual([3, 5, 3])
    for (const n of answerOrder) await act(async () => answers.get(n)?.(suggestion(n)))
    expect(count).toHaveValue('3')
    expect(memberRows()).toHaveLength(3)
    expect(screen.getByLabelText('Client port of etcd3')).toHaveValue(22387)
    expect(screen.queryByText('Finding free ports…')).not.toBeInTheDocument()
  })
})

describe('Create dialog: ports typed while free ports are found', () => {
  it('keeps what the user typed when the suggestion for a new count arrives', async () => {
    let answer: (r: Result<ClusterSpec>) => void = () => undefined
    const api = new FakeApi({
      'cluster:suggest': ({ memberCount }) =>
        memberCount === 3
          ? suggestion(3)
          : new Promise((resolve) => {
              answer = resolve
            }),
    })
    renderWithApi(
      <CreateClusterDialog
        clusters={[]}
        onClose={vi.fn()}
        onCreated={vi.fn()}
        onShowCluster={vi.fn()}
      />,
      api,
    )
    const count = await screen.findByLabelText('Members')
    await waitFor(() => expect(count).toBeEnabled())
    await userEvent.selectOptions(count, '1')
    const port = screen.getByLabelText('Client port of etcd1')
    await userEvent.clear(port)
    await userEvent.type(port, '40379')
    await act(async () => answer(suggestion(1)))
    expect(screen.getByLabelText('Client port of etcd1')).toHaveValue(40379)
    expect(screen.queryByText('Finding free ports…')).not.toBeInTheDocument()
  })
})

describe('Create dialog: after a successful create', () => {
  it('does not flag the new cluster’s own name and ports, and closes cleanly', async () => {
    let answer: (r: Result<ClusterView>) => void = () => undefined
    const api = new FakeApi({
      'cluster:suggest': suggestTutorial,
      'cluster:create': () => new Promise((resolve) => (answer = resolve)),
    })
    renderWithApi(<Desk />, api)
    await userEvent.click((await screen.findAllByRole('button', { name: 'Create cluster' }))[0]!)
    const dialog = await screen.findByRole('dialog', { name: 'Create cluster' })
    await waitFor(() => expect(within(dialog).getByLabelText('Name')).toHaveValue('cluster-1'))
    await within(dialog).findByRole('option', { name: /System etcd/ })
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create' }))
    // The engine saves the cluster and pushes it while its members start.
    const starting = clusterView('cluster-1', 'starting')
    act(() => api.emit('cluster:changed', { ...starting, revision: 2 }))
    expect(within(dialog).queryByText(/already exists|already used by/)).not.toBeInTheDocument()
    expect(within(dialog).queryByText(/Fix the/)).not.toBeInTheDocument()
    await act(async () => answer(ok({ ...clusterView('cluster-1'), revision: 3 })))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    expect(await screen.findByRole('table', { name: 'Members of cluster-1' })).toBeInTheDocument()
  })
})
