/** Types of the parser library (it ships none): prom2json-shaped families, values as strings. */
declare module 'parse-prometheus-text-format' {
  /** One sample of a counter, gauge or untyped family. */
  export interface PlainMetric {
    value: string
    labels?: Record<string, string>
  }
  /** One histogram: cumulative bucket counts by upper bound (`le`), count and sum. */
  export interface HistogramMetric {
    buckets: Record<string, string>
    count: string
    sum: string
    labels?: Record<string, string>
  }
  /** One metric family as the library returns it. */
  export interface MetricFamily {
    name: string
    help: string
    type: 'COUNTER' | 'GAUGE' | 'HISTOGRAM' | 'SUMMARY' | 'UNTYPED'
    metrics: Array<PlainMetric | HistogramMetric>
  }
  /** Parses Prometheus text exposition format; throws on a malformed line. */
  export default function parsePrometheusTextFormat(text: string): MetricFamily[]
}
