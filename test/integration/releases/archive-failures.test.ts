import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startReleaseServer, type ReleaseServer } from '../../helpers/release-server'
import { makeTestDir } from '../../helpers/test-dirs'
import {
  fakeEtcd,
  REAL_VERSION,
  sha256,
  sha256sums,
  writeZip,
  type BuiltArchive,
} from './release-archives'
import {
  buildVariant,
  expectCleanFailure,
  LINUX_ASSET,
  LINUX_TOP,
  newManager,
  publish,
} from './release-fixture'

// These archives are small fakes: each is refused before its etcd would ever matter.
let server: ReleaseServer
let variantsDir: string
const V = REAL_VERSION

beforeAll(async () => {
  variantsDir = makeTestDir('release-variants')
  server = await startReleaseServer()
})
afterAll(async () => server?.close())

/** A fresh manager against the server; returns a function that installs the real version. */
function installer(overrides: Parameters<typeof newManager>[1] = {}) {
  const { manager, releasesDir } = newManager([server.base], overrides)
  return { manager, releasesDir, install: () => manager.install(V) }
}

const fakeBinaries = (version = V) => [
  { kind: 'file' as const, path: `${LINUX_TOP}/etcd`, content: fakeEtcd(version), mode: 0o755 },
  { kind: 'file' as const, path: `${LINUX_TOP}/etcdctl`, content: fakeEtcd(version), mode: 0o755 },
]

describe('archive failures leave the releases folder as it was', () => {
  const outside = join(tmpdir(), `etcd-desk-evil-${process.pid}`)
  const cases: [string, () => Promise<BuiltArchive>, RegExp][] = [
    [
      'an archive without etcd',
      () => buildVariant(variantsDir, 'no-etcd', fakeBinaries().slice(1)),
      /has no etcd/,
    ],
    [
      'a ../ entry',
      () =>
        buildVariant(variantsDir, 'dotdot', [
          ...fakeBinaries(),
          { kind: 'file', path: '../evil', content: 'x' },
        ]),
      /outside its folder.*\.\.\/evil/,
    ],
    [
      'an absolute entry',
      () =>
        buildVariant(variantsDir, 'absolute', [
          ...fakeBinaries(),
          { kind: 'file', path: outside, content: 'x' },
        ]),
      /outside its folder.*absolute/,
    ],
    [
      'a symlink pointing outside',
      () =>
        buildVariant(variantsDir, 'symlink', [
          ...fakeBinaries(),
          { kind: 'symlink', path: `${LINUX_TOP}/link`, target: '../../..' },
          { kind: 'file', path: `${LINUX_TOP}/link/evil`, content: 'x' },
        ]),
      /symlink pointing outside/,
    ],
    [
      'a hardlink pointing outside',
      () =>
        buildVariant(variantsDir, 'hardlink', [
          ...fakeBinaries(),
          { kind: 'hardlink', path: `${LINUX_TOP}/h`, target: '../x' },
        ]),
      /hardlink/,
    ],
    [
      'an etcd of another version',
      () => buildVariant(variantsDir, 'other-version', fakeBinaries('3.4.22')),
      /etcd 3\.4\.22, not the expected 3\.4\.23/,
    ],
    [
      'an etcd that does not run',
      () =>
        buildVariant(variantsDir, 'garbage', [
          { kind: 'file', path: `${LINUX_TOP}/etcd`, content: 'garbage', mode: 0o755 },
          fakeBinaries()[1]!,
        ]),
      /does not run here/,
    ],
    ['a file that is not a .tar.gz', () => notAnArchive(), /not a readable \.tar\.gz/],
  ]

  async function notAnArchive(): Promise<BuiltArchive> {
    const dir = join(variantsDir, 'not-gzip')
    mkdirSync(dir)
    const path = join(dir, LINUX_ASSET)
    writeFileSync(path, 'this is not gzip')
    return { fileName: LINUX_ASSET, path, sha256: await sha256(path) }
  }

  for (const [label, build, reason] of cases) {
    it(`${label} → ARCHIVE_INVALID`, async () => {
      publish(server, await build())
      const { install, releasesDir } = installer()
      const error = await expectCleanFailure(install, releasesDir, 'ARCHIVE_INVALID', LINUX_ASSET)
      expect(error.message).toMatch(reason)
      expect(existsSync(outside)).toBe(false)
      expect(readdirSync(join(releasesDir, '..'))).toEqual(['etcd'])
    })
  }

  it('zip archives with ../ or outside symlinks → ARCHIVE_INVALID', async () => {
    const dir = makeTestDir('evil-zip')
    const asset = `etcd-v${V}-darwin-amd64.zip`
    const binaries = fakeBinaries().map((b) => ({ ...b, path: b.path.replace('linux', 'darwin') }))
    const dotdot = await writeZip(
      dir,
      asset,
      [...binaries, { kind: 'file', path: 'xx/evil', content: 'x' }],
      {
        'xx/evil': '../evil',
      },
    )
    const symlinkDir = join(dir, 'symlink')
    mkdirSync(symlinkDir)
    const symlink = await writeZip(symlinkDir, asset, [
      ...binaries,
      { kind: 'symlink', path: 'top/link', target: '/etc/passwd' },
    ])
    for (const [archive, reason] of [
      [dotdot, /\.\.\/evil/],
      [symlink, /symlink to the absolute path/],
    ] as const) {
      server.publish(V, asset, archive.path)
      server.publishText(V, 'SHA256SUMS', sha256sums([archive]))
      const { install, releasesDir } = installer({ platform: 'darwin', arch: 'x64' })
      const error = await expectCleanFailure(install, releasesDir, 'ARCHIVE_INVALID', asset)
      expect(error.message).toMatch(reason)
    }
  })
})
