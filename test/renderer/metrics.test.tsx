import { act, screen, within } from '@testing-library/react'
import { beforeAll, describe, expect, it } from 'vitest'
import { ApiProvider } from '../../src/renderer/src/features/shared/api-context'
import { MetricsPanel } from '../../src/renderer/src/features/metrics/metrics-panel'
import type { MemberMetrics, MetricsSample } from '../../src/shared/metrics'
import { FakeApi, ok } from './fake-api'
import { renderWithApi } from './fixtures'

const SUBSCRIPTION = '6f1d2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b'
const T0 = Date.UTC(2026, 11, 1, 10, 0, 0)

/** One member's figures; `n` moves every value. */
function member(name: string, n: number): MemberMetrics {
  return {
    member: name,
    raftIndex: 100 + n,
    appliedIndex: 100 + n,
    proposalsCommitted: 90 + n,
    proposalsApplied: 90 + n,
    proposalsPending: 0,
    proposalsFailed: 0,
    dbSizeBytes: 24576,
    dbInUseBytes: 16384,
    leaderChanges: 1,
    walFsyncP99Ms: 1.5,
    backendCommitP99Ms: 2.5,
    clientRequestsPerSecond: 3 + n,
  }
}

/** A sample of etcd1..etcd3 taken `i` intervals after T0. */
function sample(i: number, probeP99Ms: number | null = null): MetricsSample {
  return {
    at: T0 + i * 1500,
    members: ['etcd1', 'etcd2', 'etcd3'].map((name) => member(name, i)),
    probeP99Ms,
  }
}

// jsdom has no canvas, Path2D or matchMedia; uPlot draws on a 2D context and watches the pixel ratio.
beforeAll(() => {
  window.matchMedia ??= ((query: string) => ({
    matches: false,
    media: query,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  })) as unknown as typeof window.matchMedia
  const drawn: Record<string | symbol, unknown> = {}
  const context = new Proxy(drawn, {
    get: (target, key) =>
      key in target ? target[key] : key === 'measureText' ? () => ({ width: 8 }) : () => undefined,
    set: (target, key, value) => {
      target[key] = value
      return true
    },
  })
  globalThis.Path2D ??= class {
    constructor() {
      return new Proxy(this, {
        get: (target, key) => Reflect.get(target, key) ?? (() => undefined),
      })
    }
  } as unknown as typeof Path2D
  HTMLCanvasElement.prototype.getContext = (() =>
    context) as unknown as HTMLCanvasElement['getContext']
})

function metricsApi(history: MetricsSample[]): FakeApi {
  return new FakeApi({
    'metrics:subscribe': ({ cluster }) =>
      ok({ subscriptionId: SUBSCRIPTION, cluster, intervalMs: 1500, samples: history }),
    'metrics:unsubscribe': () => ok(null),
  })
}

/** The series labels of a chart's hover legend (members, or the probe), once it is drawn. */
async function seriesOf(title: string): Promise<string[]> {
  const chart = await screen.findByRole('figure', { name: title })
  // The plot (and its legend) is made in an effect, after the figure is in the page.
  const rows = await within(chart).findAllByRole('row')
  return rows
    .map((row) => row.querySelector('th')?.textContent?.trim() ?? '')
    .filter((label) => label !== '' && label !== 'Time' && label !== 'Value')
}

describe('Metrics tab', () => {
  it('fills one chart per quantity from the kept history, one series per member', async () => {
    const api = metricsApi([sample(0), sample(1)])
    renderWithApi(<MetricsPanel cluster="demo" isActive leaderChanges={[]} />, api)
    await screen.findByRole('figure', { name: 'Raft index' })
    expect(api.requestsOf('metrics:subscribe')).toEqual([{ cluster: 'demo' }])
    for (const title of [
      'Applied index',
      'Proposals committed (total)',
      'Proposals pending',
      'Proposals failed (total)',
      'Leader changes seen (total)',
      'DB size (bytes)',
      'DB size in use (bytes)',
      'WAL fsync p99 (ms)',
      'Backend commit p99 (ms)',
      'Client requests (per second)',
    ]) {
      expect(await seriesOf(title)).toEqual(['etcd1', 'etcd2', 'etcd3'])
    }
    // No probe ran: no probe chart, a note saying how to get one.
    expect(screen.queryByRole('figure', { name: 'Write probe p99 (ms)' })).toBeNull()
    expect(screen.getByText(/start the write probe/)).toBeInTheDocument()
  })

  it('adds pushed samples of its cluster, charting the probe once it runs', async () => {
    const api = metricsApi([])
    renderWithApi(<MetricsPanel cluster="demo" isActive leaderChanges={[]} />, api)
    await screen.findByText('Waiting for the first sample…')
    act(() => api.emit('metrics:samples', { cluster: 'other', samples: [sample(0, 9)] }))
    expect(screen.queryByRole('figure', { name: 'Raft index' })).toBeNull()
    act(() => api.emit('metrics:samples', { cluster: 'demo', samples: [sample(0, 4.2)] }))
    expect(await seriesOf('Write probe p99 (ms)')).toEqual(['Write probe p99 (ms)'])
    expect(await seriesOf('Raft index')).toEqual(['etcd1', 'etcd2', 'etcd3'])
  })

  it('unsubscribes when the tab is hidden, so the engine stops sampling', async () => {
    const api = metricsApi([sample(0)])
    const view = renderWithApi(<MetricsPanel cluster="demo" isActive leaderChanges={[]} />, api)
    await screen.findByRole('figure', { name: 'Raft index' })
    view.rerender(
      <ApiProvider api={api}>
        <MetricsPanel cluster="demo" isActive={false} leaderChanges={[]} />
      </ApiProvider>,
    )
    expect(api.requestsOf('metrics:unsubscribe')).toEqual([{ subscriptionId: SUBSCRIPTION }])
  })
})
