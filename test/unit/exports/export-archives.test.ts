/**
 * Browser mode's cluster export downloads serve only archives the engine wrote, by a name it
 * made: no folder, no "..", nothing but `<cluster>-etcd-export-<time>.tar.gz`. The app writes
 * into the folder its save dialog names, refusing one that holds files.
 */
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ClusterExports } from '../../../src/main/exports/cluster-exports'
import { silentLog } from '../../../src/main/log/engine-log'
import { DataLayout } from '../../../src/main/store/data-layout'
import { makeTestDir } from '../../helpers/test-dirs'
import { clusterDef } from './export-args'

describe('cluster export archives', () => {
  const root = makeTestDir('cluster-export-archives')
  const exports = new ClusterExports({
    definition: (name) => {
      throw new Error(`no cluster ${name}`)
    },
    layout: new DataLayout(root),
    log: silentLog(),
    chooseSavePath: undefined,
  })
  const good = 'demo-etcd-export-20261201T160000Z.tar.gz'
  mkdirSync(exports.archivesDir, { recursive: true })
  writeFileSync(join(exports.archivesDir, good), 'archive')
  writeFileSync(join(root, 'secret.tar.gz'), 'not an export')

  it('finds an archive it wrote by its name', async () => {
    expect(await exports.archiveFile(good)).toBe(join(exports.archivesDir, good))
  })

  it.each([
    '../secret.tar.gz',
    '../../etcd-desk.json',
    'a/demo-etcd-export-20261201T160000Z.tar.gz',
    'demo-etcd-export-20261201T160000Z.tar.gz/..',
    'demo-etcd-export-latest.tar.gz',
    'demo-etcd-export-20261201T160000Z.tar.gz\0',
  ])('refuses %j', async (name) => {
    expect(await exports.archiveFile(name)).toBeNull()
  })
})

describe('the app: an export written into the folder the save dialog named', () => {
  const root = makeTestDir('cluster-export-folder')
  let chosen: string | null = join(root, 'out', 'demo-etcd-export')
  const exports = new ClusterExports({
    definition: () => clusterDef('3.5.16', false),
    layout: new DataLayout(root),
    log: silentLog(),
    chooseSavePath: (name) => {
      expect(name).toBe('demo-etcd-export')
      return Promise.resolve(chosen)
    },
  })

  it('writes every file there, scripts executable', async () => {
    const result = await exports.write('demo')
    expect(result).toMatchObject({ folder: chosen, archive: null })
    expect(readdirSync(chosen ?? '').sort()).toEqual(
      [
        'Procfile',
        'README.txt',
        'docker-compose.yml',
        'start-cluster.ps1',
        'start-cluster.sh',
        'stop-cluster.ps1',
        'stop-cluster.sh',
        'systemd',
      ].sort(),
    )
    expect(statSync(join(chosen ?? '', 'stop-cluster.sh')).mode & 0o777).toBe(0o755)
  })

  it('refuses a folder that is not empty, naming it', async () => {
    await expect(exports.write('demo')).rejects.toThrow(/demo-etcd-export is not empty/)
  })

  it('writes nothing when the dialog is cancelled', async () => {
    chosen = null
    expect(await exports.write('demo')).toBeNull()
  })
})
