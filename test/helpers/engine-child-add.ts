/**
 * Runs an engine in its own process that adopts a cluster's running members and adds a member to
 * it, for crash tests (the test kills it half way). Usage: tsx engine-child-add.ts <dataDir>
 * <cluster> <member JSON>. Prints ADDING once the add began; never exits by itself.
 */
import { Engine } from '../../src/main/engine/engine'

const [dataDir, cluster, memberJson] = process.argv.slice(2)
const engine = await Engine.open({ dataDir })
process.stdout.write('ADDING\n')
await engine.membership.add(cluster ?? '', JSON.parse(memberJson ?? '{}'))
process.stdout.write('ADDED\n')
setInterval(() => undefined, 60_000)
