/**
 * Runs an engine in its own process for crash tests: creates and starts a cluster from a JSON
 * spec, prints READY, then idles until it is killed. Usage: tsx engine-child.ts <dataDir> <spec>
 */
import { Engine } from '../../src/main/engine/engine'

const [dataDir, specJson] = process.argv.slice(2)
const engine = await Engine.open({ dataDir })
await engine.createCluster(JSON.parse(specJson ?? '{}'))
process.stdout.write('READY\n')
setInterval(() => undefined, 60_000)
