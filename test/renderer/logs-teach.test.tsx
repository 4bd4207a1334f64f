import { act, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { i18n } from '../../src/renderer/src/i18n'
import { LogsPanel } from '../../src/renderer/src/features/logs/logs-panel'
import { ClusterTimelineView } from '../../src/renderer/src/features/timeline/cluster-timeline-view'
import type { ListedMember } from '../../src/shared/cluster'
import type { ClusterEvent } from '../../src/shared/cluster-events'
import type { LogLevel, LogLine } from '../../src/shared/logs'
import fixture from '../fixtures/etcd-logs/3.5.16-zap.json'
import { FakeApi, ok } from './fake-api'
import { clusterView, renderWithApi } from './fixtures'

// Real lines of a 3-member etcd 3.5.16 cluster (test/fixtures/etcd-logs), members m1 … m3.
const realLine = (expect: string | null, index = 0): string =>
  fixture.lines.filter((l) => l.expect === expect)[index]!.line

// The member IDs of that run, as its own "local-member-id" fields name them.
const MEMBERS: ListedMember[] = [
  ['fad9a5d9271732e8', 'm1'],
  ['3ff980fd5fbcf894', 'm2'],
  ['1d3ca6b08d1560fc', 'm3'],
].map(([id, name]) => ({ id: id!, name: name!, peerUrls: [], clientUrls: [], isLearner: false }))

/** A real zap line as the engine hands it to the window (src/main/logs/zap-line-parser.ts). */
function asLine(raw: string, seq: number): LogLine {
  const { level, ts, msg, ...fields } = JSON.parse(raw) as Record<string, unknown>
  return {
    seq,
    member: 'etcd1',
    ts: ts as string,
    level: level as LogLevel,
    msg: msg as string,
    fields,
    raw,
  }
}

function realLogsApi() {
  const lines = [
    asLine(realLine(null), 1),
    asLine(realLine('election-lost-leader'), 2),
    asLine(realLine('peer-stream-lost'), 3),
  ]
  return new FakeApi({ 'logs:get': ({ member }) => ok(member === 'etcd1' ? lines : []) })
}

describe('Logs that teach, on real etcd 3.5.16 lines', () => {
  it('names the members after their IDs, and copies the original text', async () => {
    const writeText = vi.fn((_text: string) => Promise.resolve())
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
    renderWithApi(<LogsPanel cluster={clusterView('demo')} memberList={MEMBERS} />, realLogsApi())
    const box = await screen.findByRole('log', { name: 'Log lines' })
    const lost = await within(box).findByText(
      'raft.node: fad9a5d9271732e8 (m1) lost leader 1d3ca6b08d1560fc (m3) at term 2',
    )
    expect(lost.closest('.log-line')).toHaveAttribute('title', realLine('election-lost-leader'))
    const stream = within(box).getByText(/lost TCP streaming connection with remote peer/)
    expect(stream).toHaveTextContent(
      'local-member-id=fad9a5d9271732e8 (m1) remote-peer-id=1d3ca6b08d1560fc (m3)',
    )
    await userEvent.click(screen.getByRole('button', { name: 'Copy' }))
    const copied = writeText.mock.calls[0]?.[0] ?? ''
    expect(copied).toContain('raft.node: fad9a5d9271732e8 lost leader 1d3ca6b08d1560fc at term 2')
    expect(copied).not.toContain('(m1)')
  })

  it('explains with a link to etcd’s documentation, and filters to explained lines only', async () => {
    renderWithApi(<LogsPanel cluster={clusterView('demo')} memberList={MEMBERS} />, realLogsApi())
    const box = await screen.findByRole('log', { name: 'Log lines' })
    await within(box).findByText(/lost leader/)
    const notes = within(box).getAllByRole('note', { name: 'Explanation' })
    expect(notes.map((n) => n.textContent)).toEqual([
      expect.stringContaining('This member lost its leader'),
      expect.stringContaining('Connection to a peer lost'),
    ])
    expect(within(notes[0]!).getByRole('link', { name: 'etcd documentation' })).toHaveAttribute(
      'href',
      'https://etcd.io/docs/v3.5/op-guide/failures/#leader-failure',
    )
    expect(within(box).getByText(/started stream writer with remote peer/)).toBeInTheDocument()
    expect(screen.getByText('3 of 3 lines')).toBeInTheDocument()

    await userEvent.click(screen.getByRole('checkbox', { name: 'Only explained lines' }))
    expect(screen.getByText('2 of 3 lines')).toBeInTheDocument()
    expect(within(box).queryByText(/started stream writer/)).not.toBeInTheDocument()
    expect(within(box).getAllByRole('note', { name: 'Explanation' })).toHaveLength(2)

    await userEvent.click(screen.getByRole('checkbox', { name: 'Only explained lines' }))
    expect(screen.getByText('3 of 3 lines')).toBeInTheDocument()
  })
})

const event = (seq: number, at: string, fields: Partial<ClusterEvent>): ClusterEvent => ({
  seq,
  at,
  cluster: 'demo',
  kind: 'member-state',
  member: null,
  text: '',
  ...fields,
})

describe('The cluster timeline', () => {
  it('merges leader changes, member states and the user’s actions, newest first, live', async () => {
    const api = new FakeApi({
      'timeline:get': () =>
        ok([
          event(3, '2026-12-01T10:00:03.000Z', {
            kind: 'leader-change',
            member: 'etcd2',
            from: 'etcd1',
            term: '3',
          }),
          event(2, '2026-12-01T10:00:01.500Z', { member: 'etcd1', state: 'crashed' }),
          event(1, '2026-12-01T10:00:01.000Z', {
            kind: 'user-action',
            member: 'etcd1',
            operation: 'member-kill',
            outcome: 'succeeded',
            text: 'Killing member etcd1: done',
          }),
        ]),
    })
    renderWithApi(<ClusterTimelineView cluster="demo" />, api)
    const list = await screen.findByRole('list', { name: 'Cluster timeline' })
    const texts = () =>
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent)
    expect(texts()).toEqual([
      expect.stringMatching(/Leaderetcd2 took over from etcd1term 3$/),
      expect.stringMatching(/Memberetcd1 crashed$/),
      expect.stringMatching(/YouKilling member etcd1: done$/),
    ])
    expect(screen.getByText('Cluster timeline (3 events)')).toBeInTheDocument()

    act(() => {
      api.emit(
        'timeline:append',
        event(4, '2026-12-01T10:00:05.000Z', {
          kind: 'user-action',
          member: 'etcd1',
          operation: 'member-start',
          outcome: 'failed',
          text: 'Starting member etcd1: failed — port 2380 is in use',
        }),
      )
      api.emit('timeline:append', { ...event(5, '2026-12-01T10:00:06.000Z', {}), cluster: 'other' })
    })
    expect(texts()).toHaveLength(4)
    expect(texts()[0]).toMatch(/YouStarting member etcd1: failed$/)
    expect(within(list).getAllByRole('listitem')[0]).toHaveAttribute(
      'title',
      'Starting member etcd1: failed — port 2380 is in use',
    )
  })

  it('is in the Logs tab, and says so when nothing happened yet', async () => {
    renderWithApi(<LogsPanel cluster={clusterView('demo')} />, new FakeApi())
    expect(
      await screen.findByText('Nothing happened yet. Start, stop or kill a member to see it here.'),
    ).toBeInTheDocument()
  })
})

describe('Logs that teach, in Japanese', () => {
  afterEach(() => act(() => i18n.changeLanguage('en')))

  it('explains in Japanese and names the timeline’s events in Japanese', async () => {
    await act(() => i18n.changeLanguage('ja'))
    const api = realLogsApi()
    api.handle('timeline:get', () =>
      ok([event(1, '2026-12-01T10:00:01.500Z', { member: 'm1', state: 'crashed' })]),
    )
    renderWithApi(<LogsPanel cluster={clusterView('demo')} memberList={MEMBERS} />, api)
    const box = await screen.findByRole('log')
    await within(box).findByText(/lost leader/)
    const notes = within(box).getAllByRole('note', { name: '説明' })
    expect(notes[0]).toHaveTextContent('このメンバーはリーダーを失った')
    expect(within(notes[0]!).getByRole('link', { name: 'etcd ドキュメント' })).toBeInTheDocument()
    expect(await screen.findByText('m1 がクラッシュしました')).toBeInTheDocument()
    expect(screen.getByRole('checkbox', { name: '説明のある行のみ' })).toBeInTheDocument()
  })
})
