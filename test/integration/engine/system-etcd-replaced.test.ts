import { chmod, copyFile, mkdir, rename } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { findEtcdProcesses } from '../../helpers/etcd-processes'
import { engineClosedAfterEach, freeSpec, openTestEngine } from '../../helpers/engine-fixture'
import { etcd35, systemTestEtcd, type TestEtcd } from '../../helpers/etcd-versions'
import { makeTestDir } from '../../helpers/test-dirs'

const opened = engineClosedAfterEach()

/** Puts `etcd` (and its etcdctl) at `dir/etcd` the way a package upgrade does: a new file, renamed over. */
async function install(release: TestEtcd, dir: string): Promise<void> {
  for (const [from, name] of [
    [release.etcd, 'etcd'],
    [release.etcdctl, 'etcdctl'],
  ] as const) {
    const staged = join(dir, `.${name}.new`)
    await copyFile(from, staged)
    await chmod(staged, 0o755)
    await rename(staged, join(dir, name))
  }
}

describe('a system etcd replaced while the app runs', () => {
  it('is noticed: an older minor line is refused before any member starts', async () => {
    const newer = etcd35()
    const older = systemTestEtcd()
    expect(older.line).not.toBe(newer.line)
    const bin = makeTestDir('replaced-etcd')
    await mkdir(bin, { recursive: true })
    await install(newer, bin)
    const engine = opened.set(await openTestEngine('replaced', { etcdPath: join(bin, 'etcd') }))
    await engine.createCluster(await freeSpec('moving', 1))
    expect(engine.getCluster('moving').definition.resolvedVersion).toBe(newer.version)
    await engine.stopCluster('moving')

    await install(older, bin)

    await expect(engine.startCluster('moving')).rejects.toMatchObject({
      code: 'ETCD_VERSION_CHANGED',
      detail: { recordedVersion: newer.version, foundVersion: older.version },
    })
    expect(findEtcdProcesses(engine.layout.root)).toEqual([])
    expect((await engine.systemEtcd())?.version).toBe(older.version)
  })
})
