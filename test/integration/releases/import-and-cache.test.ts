import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { makeTestDir } from '../../helpers/test-dirs'
import { REAL_VERSION, sha256sums, type BuiltArchive } from './release-archives'
import {
  buildRealArchives,
  DARWIN_ASSET,
  expectCleanFailure,
  LINUX_ASSET,
  newManager,
  snapshot,
} from './release-fixture'

const V = REAL_VERSION
let real: BuiltArchive
let zip: BuiltArchive

beforeAll(async () => {
  const built = await buildRealArchives({ withZip: true })
  real = built.tarGz
  zip = built.zip!
})

/** Copies the real archive into a fresh "Downloads" folder, with a SHA256SUMS beside it or not. */
function downloaded(options: { sums?: string } = {}): string {
  const dir = join(makeTestDir('downloads'), 'My Downloads é')
  mkdirSync(dir)
  copyFileSync(real.path, join(dir, LINUX_ASSET))
  if (options.sums !== undefined) writeFileSync(join(dir, 'SHA256SUMS'), options.sums)
  return join(dir, LINUX_ASSET)
}

describe('importing a local archive', () => {
  it('verifies against the SHA256SUMS next to it and records the import', async () => {
    const { manager } = newManager([])
    const binary = await manager.importArchive(downloaded({ sums: sha256sums([real]) }))
    expect(binary.version).toBe(V)
    expect(await manager.listInstalled()).toEqual([
      expect.objectContaining({ version: V, source: 'import', isVerified: true }),
    ])
  })

  it('uses a SHA256SUMS given by path', async () => {
    const sumsDir = makeTestDir('sums')
    writeFileSync(join(sumsDir, 'SHA256SUMS'), sha256sums([real]))
    const { manager } = newManager([])
    await manager.importArchive(downloaded(), { sha256sumsPath: join(sumsDir, 'SHA256SUMS') })
    expect((await manager.listInstalled())[0]?.isVerified).toBe(true)
  })

  it('without a SHA256SUMS: refuses unless allowed, then installs it as unverified', async () => {
    const { manager, releasesDir } = newManager([])
    const archive = downloaded()
    await expectCleanFailure(
      () => manager.importArchive(archive),
      releasesDir,
      'CHECKSUM_MISSING',
      /etcd-v3\.4\.23-linux-amd64\.tar\.gz.*confirm/,
    )
    await manager.importArchive(archive, { allowUnverified: true })
    expect(await manager.listInstalled()).toEqual([
      expect.objectContaining({ version: V, source: 'import', isVerified: false }),
    ])
  })

  it('a checksum mismatch refuses even when unverified is allowed, and keeps the user file', async () => {
    const { manager, releasesDir } = newManager([])
    const archive = downloaded({
      sums: sha256sums([{ fileName: LINUX_ASSET, sha256: 'f'.repeat(64) }]),
    })
    await expectCleanFailure(
      () => manager.importArchive(archive, { allowUnverified: true }),
      releasesDir,
      'CHECKSUM_MISMATCH',
      LINUX_ASSET,
    )
    expect(existsSync(archive)).toBe(true)
  })

  it('refuses archives for another platform or with a foreign name', async () => {
    const { manager, releasesDir } = newManager([])
    const darwin = join(makeTestDir('darwin'), DARWIN_ASSET)
    copyFileSync(zip.path, darwin)
    await expectCleanFailure(
      () => manager.importArchive(darwin, { allowUnverified: true }),
      releasesDir,
      'PLATFORM_UNSUPPORTED',
      /darwin-amd64.*etcd-v3\.4\.23-linux-amd64\.tar\.gz/,
    )
    const renamed = join(makeTestDir('renamed'), 'etcd.tar.gz')
    copyFileSync(real.path, renamed)
    await expectCleanFailure(
      () => manager.importArchive(renamed, { allowUnverified: true }),
      releasesDir,
      'ARCHIVE_INVALID',
      /etcd\.tar\.gz is not named like an etcd release/,
    )
  })
})

describe('the cache of installed versions', () => {
  it('lists size and source, removes versions, refuses while in use', async () => {
    const inUse = new Set<string>([V])
    const { manager, releasesDir } = newManager([], { isInUse: (version) => inUse.has(version) })
    await manager.importArchive(downloaded({ sums: sha256sums([real]) }))
    const [installed] = await manager.listInstalled()
    expect(installed).toMatchObject({ version: V, dir: join(releasesDir, `v${V}`) })
    expect(installed!.sizeBytes).toBeGreaterThan(30_000_000)
    expect(Date.parse(installed!.installedAt!)).toBeGreaterThan(Date.now() - 60_000)

    await expectCleanFailure(() => manager.remove(V), releasesDir, 'RELEASE_IN_USE', /3\.4\.23/)
    inUse.clear()
    await manager.remove(V)
    expect(snapshot(releasesDir)).toEqual([])
    expect(await manager.listInstalled()).toEqual([])
    await expectCleanFailure(() => manager.remove(V), releasesDir, 'RELEASE_NOT_FOUND', /3\.4\.23/)
    await expectCleanFailure(
      () => manager.remove('../x'),
      releasesDir,
      'INVALID_REQUEST',
      /\.\.\/x/,
    )
  })
})
