/**
 * Runs an engine in its own process that adopts a cluster's running members and upgrades it, for
 * crash tests (the test kills it half way). Usage: tsx engine-child-upgrade.ts <dataDir>
 * <cluster> <version> <engine options JSON>. Prints UPGRADING once the upgrade began; never exits.
 */
import { Engine } from '../../src/main/engine/engine'

const [dataDir, cluster, version, optionsJson] = process.argv.slice(2)
const engine = await Engine.open({ dataDir, ...(JSON.parse(optionsJson ?? '{}') as object) })
process.stdout.write('UPGRADING\n')
await engine.upgrades.upgrade(cluster ?? '', { version: version ?? '' })
process.stdout.write('UPGRADED\n')
setInterval(() => undefined, 60_000)
