import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { CommandsPanel } from '../../src/renderer/src/features/commands/commands-panel'
import { etcdctlCommand, shellWord } from '../../src/renderer/src/features/commands/etcdctl-command'
import { FakeApi, ok } from './fake-api'
import { bytes, clusterView, renderWithApi } from './fixtures'

const ETCD1 =
  "/usr/bin/etcd --name etcd1 --listen-client-urls http://127.0.0.1:2379 --initial-cluster 'etcd1=http://127.0.0.1:2380'"
const ENDPOINTS = 'http://127.0.0.1:2379,http://127.0.0.1:12379,http://127.0.0.1:22379'

describe('Commands', () => {
  it('shows each member’s exact etcd command with a Copy button', async () => {
    const writeText = vi.fn(() => Promise.resolve())
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
    const api = new FakeApi({
      'cluster:commands': () =>
        ok({
          members: [{ member: 'etcd1', etcd: ETCD1, args: [] }],
          etcdctl: '/usr/bin/etcdctl',
          etcdctlTls: [],
        }),
    })
    renderWithApi(<CommandsPanel cluster={clusterView('demo')} lastKeyAction={null} />, api)
    expect(await screen.findByText(ETCD1)).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Copy etcd command of etcd1' }))
    expect(writeText).toHaveBeenCalledWith(ETCD1)
    await waitFor(() => expect(screen.getByText('Copied')).toBeInTheDocument())
    expect(screen.getByText(/Open, save or delete a key in the/)).toBeInTheDocument()
  })

  it('offers etcdctl commands to explore the cluster, with the cluster’s own etcdctl', async () => {
    const etcdctl = '/data/etcd/v3.5.17/etcdctl'
    const api = new FakeApi({
      'cluster:commands': () => ok({ members: [], etcdctl, etcdctlTls: [] }),
    })
    const action = { kind: 'delete' as const, key: bytes('app/a') }
    renderWithApi(<CommandsPanel cluster={clusterView('demo')} lastKeyAction={action} />, api)
    const status = `${etcdctl} --endpoints=${ENDPOINTS} endpoint status -w table`
    expect(await screen.findByText(status)).toBeInTheDocument()
    expect(
      screen.getByText(`${etcdctl} --endpoints=${ENDPOINTS} watch --prefix ''`),
    ).toBeInTheDocument()
    expect(
      screen.getByRole('button', {
        name: 'Copy: Leader, raft term, raft index and DB size of each member',
      }),
    ).toBeInTheDocument()
    expect(
      screen.getByText(`${etcdctl} --endpoints=${ENDPOINTS} del -- 'app/a'`),
    ).toBeInTheDocument()
  })

  it('shows the etcdctl equivalent of the last key action', async () => {
    const action = { kind: 'put' as const, key: bytes('app/a'), value: bytes("it's") }
    renderWithApi(
      <CommandsPanel cluster={clusterView('demo')} lastKeyAction={action} />,
      new FakeApi(),
    )
    expect(
      await screen.findByText(`etcdctl --endpoints=${ENDPOINTS} put -- 'app/a' 'it'\\''s'`),
    ).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Copy etcdctl command' })).toBeInTheDocument()
  })

  it('quotes any key safely for a shell', () => {
    expect(shellWord(bytes('-rf /'))).toBe("'-rf /'")
    expect(shellWord(new Uint8Array([0x61, 0xff, 0x27]))).toBe("$'a\\xff\\x27'")
    expect(etcdctlCommand('E', { kind: 'delete-prefix', prefix: bytes('app/') }).command).toBe(
      "etcdctl --endpoints=E del --prefix -- 'app/'",
    )
    const big = etcdctlCommand('E', { kind: 'put', key: bytes('k'), value: new Uint8Array(1000) })
    expect(big.command).toBe("etcdctl --endpoints=E put -- 'k' < value.bin")
    expect(big.note).toEqual({ kind: 'valueFile', count: 1000, file: 'value.bin' })
  })
})
