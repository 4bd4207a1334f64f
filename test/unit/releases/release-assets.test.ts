import { describe, expect, it } from 'vitest'
import { isEngineError } from '../../../src/main/errors/engine-error'
import {
  hasAsset,
  parseAssetName,
  releaseAsset,
  releasePlatform,
} from '../../../src/main/releases/release-assets'

function codeOf(run: () => unknown): string | undefined {
  try {
    run()
  } catch (error) {
    return isEngineError(error) ? error.code : 'not an EngineError'
  }
  return undefined
}

describe('release assets', () => {
  it('names linux archives .tar.gz with etcd and etcdctl for 3.4', () => {
    expect(releaseAsset('3.4.23', 'linux', 'x64')).toEqual({
      version: '3.4.23',
      os: 'linux',
      arch: 'amd64',
      format: 'tar.gz',
      fileName: 'etcd-v3.4.23-linux-amd64.tar.gz',
      binaries: ['etcd', 'etcdctl'],
      exe: '',
    })
  })

  it('adds etcdutl from 3.5 and .exe on Windows', () => {
    expect(releaseAsset('3.5.0', 'linux', 'arm64').binaries).toEqual(['etcd', 'etcdctl', 'etcdutl'])
    const windows = releaseAsset('3.5.17', 'win32', 'x64')
    expect(windows.fileName).toBe('etcd-v3.5.17-windows-amd64.zip')
    expect(windows.binaries).toEqual(['etcd.exe', 'etcdctl.exe', 'etcdutl.exe'])
    expect(releaseAsset('3.6.0-rc.1', 'linux', 'x64').binaries).toContain('etcdutl')
  })

  it('maps Node arch names to etcd names', () => {
    expect(releasePlatform('linux', 'ppc64')).toEqual({ os: 'linux', arch: 'ppc64le' })
    expect(releaseAsset('3.5.1', 'linux', 's390x').fileName).toBe('etcd-v3.5.1-linux-s390x.tar.gz')
    expect(releaseAsset('3.4.23', 'darwin', 'x64').fileName).toBe('etcd-v3.4.23-darwin-amd64.zip')
  })

  it('knows darwin/arm64 starts at 3.5.5 and s390x at 3.5.0', () => {
    expect(codeOf(() => releaseAsset('3.5.4', 'darwin', 'arm64'))).toBe('PLATFORM_UNSUPPORTED')
    expect(releaseAsset('3.5.5', 'darwin', 'arm64').fileName).toBe('etcd-v3.5.5-darwin-arm64.zip')
    expect(codeOf(() => releaseAsset('3.4.30', 'linux', 's390x'))).toBe('PLATFORM_UNSUPPORTED')
    expect(hasAsset('3.5.4', 'darwin', 'arm64')).toBe(false)
    expect(hasAsset('3.6.0', 'darwin', 'arm64')).toBe(true)
  })

  it('refuses platforms etcd never published, naming them', () => {
    expect(codeOf(() => releaseAsset('3.5.17', 'win32', 'arm64'))).toBe('PLATFORM_UNSUPPORTED')
    expect(codeOf(() => releaseAsset('3.5.17', 'freebsd', 'x64'))).toBe('PLATFORM_UNSUPPORTED')
    expect(codeOf(() => releaseAsset('3.5.17', 'linux', 'ia32'))).toBe('PLATFORM_UNSUPPORTED')
    expect(() => releaseAsset('3.5.17', 'freebsd', 'x64')).toThrow(/freebsd\/x64/)
    expect(() => releaseAsset('3.4.2', 'darwin', 'arm64')).toThrow(/3\.4\.2.*darwin-arm64/)
  })

  it('reads asset names back', () => {
    expect(parseAssetName('etcd-v3.5.17-linux-amd64.tar.gz')).toEqual({
      version: '3.5.17',
      os: 'linux',
      arch: 'amd64',
      format: 'tar.gz',
    })
    expect(parseAssetName('etcd-v3.6.0-rc.1-darwin-arm64.zip')?.version).toBe('3.6.0-rc.1')
    expect(parseAssetName('etcd-3.5.17.tar.gz')).toBeNull()
    expect(parseAssetName('etcd-v3.5.17-linux-amd64.tar.gz.sig')).toBeNull()
  })
})
