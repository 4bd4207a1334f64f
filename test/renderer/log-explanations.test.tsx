import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { LogLine } from '../../src/shared/logs'
import { LogsPanel } from '../../src/renderer/src/features/logs/logs-panel'
import { FakeApi, ok } from './fake-api'
import { clusterView, logLine, renderWithApi } from './fixtures'

/** A member's "rejected connection" warning, as etcd 3.5 writes it, with its TLS error. */
function rejected(member: string, seq: number, error: string): LogLine {
  const fields = { 'remote-addr': '127.0.0.1:45942', 'server-name': '', error }
  return {
    ...logLine(member, seq, 'rejected connection', 'warn'),
    fields,
    raw: JSON.stringify({ level: 'warn', msg: 'rejected connection', ...fields }),
  }
}

function tlsApi() {
  return new FakeApi({
    'logs:get': ({ member }) =>
      ok(
        member === 'etcd1'
          ? [
              logLine('etcd1', 1, 'ready to serve client requests'),
              rejected('etcd1', 2, 'remote error: tls: bad certificate'),
              logLine('etcd1', 3, 'published local member to cluster through raft'),
            ]
          : member === 'etcd2'
            ? [rejected('etcd2', 1, "tls: client didn't provide a certificate")]
            : [],
      ),
  })
}

describe('Log explanations', () => {
  it('explains a TLS line right under it, and no other line', async () => {
    renderWithApi(<LogsPanel cluster={clusterView('demo')} />, tlsApi())
    const box = await screen.findByRole('log', { name: 'Log lines' })
    await within(box).findByText('ready to serve client requests')
    const notes = within(box).getAllByRole('note', { name: 'Explanation' })
    expect(notes).toHaveLength(2)

    const badCertificate = notes.find((n) => n.textContent?.includes('refused a certificate'))
    const entry = badCertificate?.closest('.log-entry')
    expect(entry?.firstElementChild).toHaveTextContent('remote error: tls: bad certificate')
    expect(entry?.lastElementChild).toBe(badCertificate)
    expect(badCertificate).toHaveTextContent(/What to do: .*rejected connection/)

    const missing = notes.find((n) => n.textContent?.includes('without a certificate'))
    expect(missing?.closest('.log-entry')).toHaveTextContent(
      "tls: client didn't provide a certificate",
    )

    for (const text of [
      'ready to serve client requests',
      'published local member to cluster through raft',
    ]) {
      const row = within(box).getByText(text).closest('.log-line')
      expect(row?.closest('.log-entry')).toBeNull()
      expect(row?.nextElementSibling?.getAttribute('role')).not.toBe('note')
    }
  })
})
