/** Shared checks of the upgrade tests: what each member really runs, and its keys. */
import { readFileSync } from 'node:fs'
import { expect } from 'vitest'
import type { Engine } from '../../../src/main/engine/engine'
import type { ClusterView } from '../../../src/shared/cluster'
import { etcdctl } from '../../helpers/engine-fixture'
import { etcd35 } from '../../helpers/etcd-versions'

const text = (s: string): Uint8Array => new TextEncoder().encode(s)

/** The binary each live member's process runs (Linux /proc), by member name. */
export function runningBinaries(view: ClusterView): Record<string, string> {
  return Object.fromEntries(
    view.members.flatMap((m) =>
      m.pid === null
        ? []
        : [[m.name, readFileSync(`/proc/${m.pid}/cmdline`, 'utf8').split('\0')[0] ?? '']],
    ),
  )
}

/** Each member's server version as etcdctl endpoint status reports it, by client URL. */
export async function etcdctlVersions(view: ClusterView): Promise<string[]> {
  const out = await etcdctl(view, ['endpoint', 'status', '-w', 'json'], etcd35().etcdctl)
  const rows = JSON.parse(out) as { Status: { version: string } }[]
  return rows.map((r) => r.Status.version).sort()
}

/** Writes `count` keys /upgrade/<i> = v<i> through the engine. */
export async function seedUpgradeKeys(engine: Engine, cluster: string, count: number) {
  for (let i = 0; i < count; i++) {
    await engine.keys.put(cluster, text(`/upgrade/${i}`), text(`v${i}`))
  }
}

/** Checks every seeded key reads back with its value. */
export async function expectUpgradeKeys(engine: Engine, cluster: string, count: number) {
  const page = await engine.keys.list(cluster, {
    prefix: text('/upgrade/'),
    limit: count + 10,
    withValues: true,
  })
  const got = new Map(
    page.entries.map((e) => [
      new TextDecoder().decode(e.key),
      new TextDecoder().decode(e.value ?? new Uint8Array()),
    ]),
  )
  expect(got.size).toBe(count)
  for (let i = 0; i < count; i++) expect(got.get(`/upgrade/${i}`)).toBe(`v${i}`)
}
