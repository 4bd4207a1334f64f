import type { AlignedData } from 'uplot'
import { formatBytes } from '../../../../shared/bytes'
import type { MemberQuantity, MetricsSample } from '../../../../shared/metrics'
import { i18n } from '../../i18n'

/** How a chart's values read. */
export type ValueFormat = 'count' | 'bytes' | 'ms' | 'rate'

/** One chart of the Metrics tab: a member quantity (one series per member) or the probe's p99. */
export interface ChartSpec {
  id: MemberQuantity | 'probeP99Ms'
  /** Catalogue key of its title (metrics namespace, charts.<id>). */
  format: ValueFormat
}

/** The charts, in the order shown: raft first, then storage, latency and load. */
export const CHARTS: readonly ChartSpec[] = [
  { id: 'raftIndex', format: 'count' },
  { id: 'appliedIndex', format: 'count' },
  { id: 'proposalsCommitted', format: 'count' },
  { id: 'proposalsApplied', format: 'count' },
  { id: 'proposalsPending', format: 'count' },
  { id: 'proposalsFailed', format: 'count' },
  { id: 'leaderChanges', format: 'count' },
  { id: 'dbSizeBytes', format: 'bytes' },
  { id: 'dbInUseBytes', format: 'bytes' },
  { id: 'walFsyncP99Ms', format: 'ms' },
  { id: 'backendCommitP99Ms', format: 'ms' },
  { id: 'clientRequestsPerSecond', format: 'rate' },
  { id: 'probeP99Ms', format: 'ms' },
]

/**
 * Whole numbers in the window's language. Why one formatter per language: the axes and legends
 * format on every redraw, and toLocaleString() builds a new formatter per call (measured: the
 * tab's top cost).
 */
const wholeFormats = new Map<string, Intl.NumberFormat>()
function whole(): Intl.NumberFormat {
  let format = wholeFormats.get(i18n.language)
  if (!format) {
    format = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 0 })
    wholeFormats.set(i18n.language, format)
  }
  return format
}

/** A value as the chart's hover legend and axis show it. */
export function formatValue(value: number | null | undefined, format: ValueFormat): string {
  if (value === null || value === undefined) return '–'
  switch (format) {
    case 'bytes':
      return formatBytes(value)
    case 'ms':
      return `${value < 10 ? value.toFixed(2) : value.toFixed(0)} ms`
    case 'rate':
      return `${value.toFixed(1)}/s`
    case 'count':
      return whole().format(value)
  }
}

/** Every member named in the samples, in the order first seen. */
export function membersOf(samples: readonly MetricsSample[]): string[] {
  const names = new Set<string>()
  for (const sample of samples) for (const m of sample.members) names.add(m.member)
  return [...names]
}

/**
 * uPlot's columns for one chart: times (s) then one column per series. A pause longer than
 * 2.5 sampling intervals (the cluster was stopped, the tab hidden) gets a row of nulls, so the
 * lines break there instead of joining across it.
 */
export function chartData(
  samples: readonly MetricsSample[],
  chart: ChartSpec,
  members: readonly string[],
  intervalMs: number,
): AlignedData {
  const seriesCount = chart.id === 'probeP99Ms' ? 1 : members.length
  const xs: number[] = []
  const columns: Array<Array<number | null>> = Array.from({ length: seriesCount }, () => [])
  let last: number | null = null
  for (const sample of samples) {
    if (last !== null && sample.at - last > 2.5 * intervalMs) {
      xs.push((last + intervalMs) / 1000)
      for (const column of columns) column.push(null)
    }
    last = sample.at
    xs.push(sample.at / 1000)
    if (chart.id === 'probeP99Ms') {
      columns[0]?.push(sample.probeP99Ms)
      continue
    }
    const id = chart.id
    members.forEach((name, i) => {
      const m = sample.members.find((row) => row.member === name)
      columns[i]?.push(m ? m[id] : null)
    })
  }
  return [xs, ...columns]
}
