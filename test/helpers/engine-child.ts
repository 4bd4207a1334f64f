/**
 * Runs an engine in its own process for crash tests: creates and starts a cluster from a JSON
 * spec, waits until run.json records every member (what the next engine adopts them by), prints
 * READY, then idles until it is killed. Usage: tsx engine-child.ts <dataDir> <spec>
 */
import { Engine } from '../../src/main/engine/engine'
import { ClusterStore } from '../../src/main/store/cluster-store'
import type { ClusterSpec } from '../../src/shared/cluster'

/** Why 50 ms: run.json is written within milliseconds of a spawn; this only waits out the queue. */
const RECORD_POLL_MS = 50

const [dataDir, specJson] = process.argv.slice(2)
const spec = JSON.parse(specJson ?? '{}') as ClusterSpec
const engine = await Engine.open({ dataDir })
await engine.createCluster(spec)
// The record is written after each spawn without holding up the start: a kill before it lands
// would leave members no engine knows (a crash window of the app, not what these tests test).
const store = new ClusterStore(engine.layout)
while ((await store.loadRunRecord(spec.name)).length < spec.members.length) {
  await new Promise((resolve) => setTimeout(resolve, RECORD_POLL_MS))
}
process.stdout.write('READY\n')
setInterval(() => undefined, 60_000)
