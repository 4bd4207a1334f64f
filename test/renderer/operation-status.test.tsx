import { act, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { i18n } from '../../src/renderer/src/i18n'
import { Desk } from '../../src/renderer/src/features/desk/desk'
import type { ClusterOperation, ClusterView } from '../../src/shared/cluster'
import { FakeApi, ok } from './fake-api'
import { clusterView, renderWithApi } from './fixtures'
import { words } from '../../src/shared/engine-words/engine-words'

const START_ETCD2: ClusterOperation = {
  kind: 'member-start',
  label: 'Starting member etcd2',
  labelWords: words('engine-steps-cluster:label.memberStart', { member: 'etcd2' }),
  startedAt: '2025-01-01T10:00:00.000Z',
  step: 'waiting for etcd2 to become healthy',
  stepWords: words('engine-steps-cluster:step.waitingForHealthy', { member: 'etcd2' }),
}

/** The desk on cluster demo (etcd2 stopped), and a way to push newer views of it. */
async function renderDemo() {
  const base = clusterView('demo', ['running', 'stopped', 'running'])
  const api = new FakeApi({ 'clusters:list': () => ok([{ ...base, revision: 1 }]) })
  renderWithApi(<Desk />, api)
  await screen.findByRole('table', { name: 'Members of demo' })
  let revision = 1
  const push = (change: Partial<ClusterView>) =>
    act(() => api.emit('cluster:changed', { ...base, ...change, revision: ++revision }))
  return { push }
}

function operationStatus() {
  return screen.getByRole('status', { name: 'Operation in progress' })
}

describe('Operation in progress', () => {
  it('shows the label and step in the header and disables what would conflict, saying why', async () => {
    const { push } = await renderDemo()
    expect(operationStatus()).toBeEmptyDOMElement()
    push({ operation: START_ETCD2 })
    expect(operationStatus()).toHaveTextContent(
      'Starting member etcd2 — waiting for etcd2 to become healthy',
    )
    const why = 'Starting member etcd2 is in progress; wait until it finishes.'
    for (const name of ['Start all', 'Stop all', 'Delete cluster', 'Start etcd2', 'Kill etcd1']) {
      const button = screen.getByRole('button', { name })
      expect(button).toBeDisabled()
      expect(button).toHaveAttribute('title', why)
    }
    push({ operation: { ...START_ETCD2, step: null, stepWords: null } })
    expect(operationStatus()).toHaveTextContent(/^Starting member etcd2$/)
    push({ operation: null })
    expect(operationStatus()).toBeEmptyDOMElement()
    expect(screen.getByRole('button', { name: 'Start etcd2' })).toBeEnabled()
    expect(screen.getByRole('button', { name: 'Stop all' })).not.toHaveAttribute('title')
  })

  it('keeps stopping possible during an automatic restart', async () => {
    const { push } = await renderDemo()
    push({
      operation: {
        kind: 'auto-restart',
        label: 'Restarting crashed member etcd2',
        labelWords: words('engine-steps-cluster:label.autoRestart', { member: 'etcd2' }),
        startedAt: '2025-01-01T10:00:00.000Z',
        step: 'checking the ports of etcd2',
        stepWords: words('engine-steps-cluster:step.checkingPortsOf', { member: 'etcd2' }),
      },
    })
    expect(operationStatus()).toHaveTextContent(
      'Restarting crashed member etcd2 — checking the ports of etcd2',
    )
    expect(screen.getByRole('button', { name: 'Stop all' })).toBeEnabled()
    expect(screen.getByRole('button', { name: 'Stop etcd1' })).toBeEnabled()
    expect(screen.getByRole('button', { name: 'Kill etcd3' })).toBeEnabled()
    expect(screen.getByRole('button', { name: 'Start all' })).toBeDisabled()
    expect(screen.getByRole('button', { name: 'Restart etcd1' })).toBeDisabled()
    const table = screen.getByRole('table', { name: 'Members of demo' })
    expect(within(table).getByRole('button', { name: 'Start etcd2' })).toHaveAttribute(
      'title',
      'Restarting crashed member etcd2 is in progress; wait until it finishes.',
    )
  })
})

describe('Operation in progress, in Japanese', () => {
  afterEach(async () => {
    await act(() => i18n.changeLanguage('en'))
  })

  it("shows the engine's label and step in the window's language", async () => {
    const { push } = await renderDemo()
    push({ operation: START_ETCD2 })
    await act(() => i18n.changeLanguage('ja'))
    const status = screen.getByRole('status', { name: '実行中の操作' })
    expect(status).toHaveTextContent('メンバー etcd2 を起動中 — etcd2 が正常になるのを待っています')
    expect(status).not.toHaveTextContent('Starting')
  })
})

describe('Cluster warning', () => {
  it('shows what the engine could not do for the cluster until it is resolved', async () => {
    const { push } = await renderDemo()
    expect(screen.queryByRole('alert')).toBeNull()
    const warning = 'etcd Desk could not record its running members (run.json): EACCES.'
    push({ warning })
    expect(screen.getByRole('alert')).toHaveTextContent(warning)
    push({ warning: null })
    expect(screen.queryByRole('alert')).toBeNull()
  })
})
