/**
 * Benchmark runner: `npm run bench` runs every benchmark, `npm run bench -- NAME` runs one.
 * Each benchmark prints its last line as `NAME: ratio=X (target ≤ Y)`.
 */
import { clusterReady } from './cluster-ready'
import { clusterStop } from './cluster-stop'
import { defragAvailability } from './defrag-availability'
import { download } from './download'
import { idleOverhead } from './idle-overhead'
import { keysFirstPage } from './keys-first-page'
import { keySearch } from './key-search'
import { logsThroughput } from './logs-throughput'
import { memberAdd } from './member-add'
import { metricsOverhead } from './metrics-overhead'
import { rollingUpgrade } from './rolling-upgrade'
import { writeProbe } from './write-probe'

const benchmarks: Record<string, () => Promise<void>> = {
  'cluster-ready': clusterReady,
  'cluster-stop': clusterStop,
  'idle-overhead': idleOverhead,
  download,
  'keys-first-page': keysFirstPage,
  'key-search': keySearch,
  'logs-throughput': logsThroughput,
  'member-add': memberAdd,
  'metrics-overhead': metricsOverhead,
  'write-probe': writeProbe,
  'defrag-availability': defragAvailability,
  'rolling-upgrade': rollingUpgrade,
}

const wanted = process.argv.slice(2)
const unknown = wanted.filter((name) => !(name in benchmarks))
if (unknown.length > 0) {
  console.error(
    `Unknown benchmark(s): ${unknown.join(', ')}. Known: ${Object.keys(benchmarks).join(', ')}`,
  )
  process.exit(2)
}
for (const name of wanted.length > 0 ? wanted : Object.keys(benchmarks)) {
  await benchmarks[name]!()
}
