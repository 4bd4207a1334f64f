/**
 * The History dialog of a key against a typed fake engine: versions newest first with "time
 * unknown", older pages, the compaction boundary, JSON/text/binary diffs, and "Restore" as a
 * compare-and-swap (with its conflict).
 */
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { KeysPanel } from '../../src/renderer/src/features/keys/keys-panel'
import { diffValues } from '../../src/renderer/src/features/keys/value-diff'
import type { KeyHistoryPage, KeyVersion } from '../../src/shared/key-history'
import { fail, ok } from './fake-api'
import { bytes, clusterView, renderWithApi, text } from './fixtures'
import { keysApi } from './keys-fixture'

const version = (v: string, modRevision: string, value: string): KeyVersion => ({
  modRevision,
  version: v,
  lease: '0',
  value: bytes(value),
})

/** app/b's history: three versions, the first page holds two, then compaction before revision 4. */
const NEWEST = [
  version('3', '9', '{"replicas":3}'),
  version('2', '7', '{"replicas": 2, "image": "web:1"}'),
]
const OLDER = [version('1', '5', '{"image":"web:1","replicas":1}')]

function historyApi() {
  const api = keysApi()
  api.handle('keys:history', ({ key, revision }) =>
    ok<KeyHistoryPage>(
      revision === undefined
        ? { key, createRevision: '5', versions: NEWEST, nextRevision: '6', compacted: null }
        : {
            key,
            createRevision: '5',
            versions: OLDER,
            nextRevision: null,
            compacted: { revision: '4' },
          },
    ),
  )
  return api
}

async function openHistory(api = historyApi(), onAction = vi.fn()) {
  renderWithApi(<KeysPanel cluster={clusterView('demo')} onAction={onAction} />, api)
  await userEvent.click(await screen.findByRole('button', { name: 'app/b' }))
  await userEvent.click(await screen.findByRole('button', { name: 'History' }))
  const dialog = await screen.findByRole('dialog', { name: 'History of app/b' })
  await within(dialog).findByRole('table', { name: 'Versions' })
  return { api, onAction, dialog }
}

describe('Key history', () => {
  it('lists versions newest first with time unknown, loads older ones, and shows the compaction boundary', async () => {
    const { api, dialog } = await openHistory()
    const rows = () => within(dialog).getAllByRole('row', { name: /^Version \d/ })
    expect(rows().map((r) => within(r).getByRole('rowheader').textContent)).toEqual([
      '3 current',
      '2',
    ])
    expect(within(rows()[0]!).getByText('time unknown')).toBeInTheDocument()
    expect(within(dialog).getByText(/etcd keeps each version .* not\s+when/)).toBeInTheDocument()
    expect(api.requestsOf('keys:history')[0]).toMatchObject({ cluster: 'demo', limit: 20 })

    await userEvent.click(within(dialog).getByRole('button', { name: 'Load older versions' }))
    await waitFor(() => expect(rows()).toHaveLength(3))
    expect(api.requestsOf('keys:history')[1]?.revision).toBe('6')
    expect(within(dialog).getAllByText('time unknown')).toHaveLength(3)
    expect(within(dialog).getByRole('note')).toHaveTextContent(
      'History before revision 4 was compacted: earlier versions are gone.',
    )
    expect(within(dialog).queryByRole('button', { name: 'Load older versions' })).toBeNull()
  })

  it('compares the newest two versions as JSON, then any two the user picks', async () => {
    const { dialog } = await openHistory()
    const comparison = within(dialog).getByRole('region', { name: 'Comparison' })
    expect(comparison).toHaveTextContent('From version 2 (revision 7) to version 3 (revision 9)')
    expect(comparison).toHaveTextContent('JSON diff')
    const lines = () => within(comparison).getByLabelText('Differences').textContent
    // JSON-aware: keys sorted, so only the changed lines differ.
    expect(lines()).toContain('-   "image": "web:1",')
    expect(lines()).toContain('-   "replicas": 2')
    expect(lines()).toContain('+   "replicas": 3')

    await userEvent.click(within(dialog).getByRole('button', { name: 'Load older versions' }))
    await userEvent.click(
      await within(dialog).findByRole('radio', { name: 'Compare from version 1 (revision 5)' }),
    )
    await userEvent.click(
      within(dialog).getByRole('radio', { name: 'Compare to version 2 (revision 7)' }),
    )
    expect(comparison).toHaveTextContent('From version 1 (revision 5) to version 2 (revision 7)')
    expect(lines()).toContain('-   "replicas": 1')
    expect(lines()).toContain('+   "replicas": 2')
    expect(lines()).not.toContain('-   "image"')
  })

  it('restores an old version as a compare-and-swap on the newest mod revision', async () => {
    const { api, onAction, dialog } = await openHistory()
    api.handle('keys:restore', () => ok({ revision: '12' }))
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Restore version 2 (revision 7)' }),
    )
    const confirm = within(dialog).getByRole('group', { name: 'Restore version 2' })
    expect(confirm).toHaveTextContent('only if the key is still at mod revision 9')
    await userEvent.click(within(confirm).getByRole('button', { name: 'Restore version 2 now' }))
    expect(
      await within(dialog).findByText('Restored version 2: written back as revision 12.'),
    ).toBeInTheDocument()
    const [restore] = api.requestsOf('keys:restore')
    expect(restore).toMatchObject({ cluster: 'demo', revision: '7', expectModRevision: '9' })
    expect(text(restore?.key)).toBe('app/b')
    await waitFor(() => expect(api.requestsOf('keys:history')).toHaveLength(2))
    expect(onAction).toHaveBeenCalledWith({
      kind: 'put',
      key: bytes('app/b'),
      value: bytes('{"replicas": 2, "image": "web:1"}'),
    })
  })

  it('refuses a restore after someone else wrote the key, and offers to reload', async () => {
    const { api, dialog } = await openHistory()
    api.handle('keys:restore', () =>
      fail({
        code: 'KEY_CONFLICT',
        message: 'app/b changed: expected mod revision 9, it is 11.',
        detail: { key: 'app/b', expectedModRevision: '9', currentModRevision: '11' },
      }),
    )
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Restore version 2 (revision 7)' }),
    )
    await userEvent.click(within(dialog).getByRole('button', { name: 'Restore version 2 now' }))
    const alert = await within(dialog).findByRole('alert')
    expect(alert).toHaveTextContent('Not restored: someone else changed this key.')
    expect(alert).toHaveTextContent('the key is now at mod revision 11')
    await userEvent.click(within(alert).getByRole('button', { name: 'Reload history' }))
    await waitFor(() => expect(api.requestsOf('keys:history')).toHaveLength(2))
    expect(within(dialog).queryByRole('group', { name: 'Restore version 2' })).toBeNull()
  })

  it('has no Restore for the current version, and closes with Close', async () => {
    const { dialog } = await openHistory()
    expect(within(dialog).queryByRole('button', { name: /^Restore version 3/ })).toBeNull()
    await userEvent.click(within(dialog).getByRole('button', { name: 'Close' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
  })
})

describe('Value diffs', () => {
  it('compare texts line by line, fold long unchanged runs, and binary values by hex', () => {
    const many = Array.from({ length: 20 }, (_, i) => `line ${i}`)
    const changed = [...many.slice(0, 19), 'line 19 changed']
    const text = diffValues(bytes(many.join('\n')), bytes(changed.join('\n')))
    expect(text).toMatchObject({ kind: 'text', added: 1, removed: 1 })
    expect(text.kind === 'text' && text.lines[0]).toEqual({
      type: 'fold',
      text: '… 16 unchanged lines …',
    })

    expect(diffValues(bytes('same'), bytes('same'))).toEqual({ kind: 'same' })
    const binary = diffValues(new Uint8Array([0xde, 0xad]), new Uint8Array([0xbe, 0xef, 0x00]))
    expect(binary).toMatchObject({ kind: 'binary' })
    expect(binary.kind === 'binary' && binary.newerHex).toContain('be ef 00')
  })
})
