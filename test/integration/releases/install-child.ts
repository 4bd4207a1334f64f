/**
 * Installs a release from another process, to test the cross-process lock. Prints the installed
 * binary as JSON.
 * Usage: tsx install-child.ts <releasesDir> <sourceBase> <version>
 */
import { ReleaseManager } from '../../../src/main/releases/release-manager'

const [releasesDir, source, version] = process.argv.slice(2) as [string, string, string]
const manager = new ReleaseManager({ releasesDir, sources: [source], env: {} })
const binary = await manager.install(version)
process.stdout.write(`${JSON.stringify(binary)}\n`)
await manager.close()
