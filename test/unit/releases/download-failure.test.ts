import { describe, expect, it } from 'vitest'
import { downloadFailure, DownloadProblem } from '../../../src/main/releases/download-failure'
import { diskError } from '../../../src/main/releases/fs-errors'
import { EngineError } from '../../../src/main/errors/engine-error'

const req = {
  url: 'https://github.com/etcd-io/etcd/releases/download/v3.5.0/etcd-v3.5.0-linux-amd64.tar.gz',
  file: '/data/etcd/.tmp/x',
  label: 'etcd 3.5.0 (etcd-v3.5.0-linux-amd64.tar.gz)',
  stallTimeoutMs: 30_000,
}
const errno = (code: string) => Object.assign(new Error(`failed ${code}`), { code })

describe('download failure classification', () => {
  it('404 is RELEASE_NOT_FOUND, 5xx and dropped bodies are retried', () => {
    const notFound = downloadFailure(new DownloadProblem('status', 'HTTP 404', 404), req, 1)
    expect(notFound).toMatchObject({ isRetryable: false, error: { code: 'RELEASE_NOT_FOUND' } })
    expect(notFound.error.message).toContain('etcd 3.5.0')
    expect(
      downloadFailure(new DownloadProblem('status', 'HTTP 503', 503), req, 1).isRetryable,
    ).toBe(true)
    expect(
      downloadFailure(new DownloadProblem('status', 'HTTP 403', 403), req, 1).isRetryable,
    ).toBe(false)
    expect(downloadFailure(new DownloadProblem('truncated', 'short'), req, 2)).toMatchObject({
      isRetryable: true,
      error: { code: 'DOWNLOAD_FAILED', message: expect.stringContaining('2 attempts') },
    })
  })

  it('unreachable hosts are OFFLINE at once; resets and stalls are retried', () => {
    for (const code of ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']) {
      expect(downloadFailure(errno(code), req, 1), code).toMatchObject({
        isRetryable: false,
        error: { code: 'OFFLINE', message: expect.stringContaining('github.com') },
      })
    }
    const wrapped = Object.assign(new Error('fetch failed'), { cause: errno('ECONNRESET') })
    expect(downloadFailure(wrapped, req, 1).isRetryable).toBe(true)
    const stall = downloadFailure(errno('UND_ERR_BODY_TIMEOUT'), req, 1)
    expect(stall).toMatchObject({ isRetryable: true, error: { code: 'DOWNLOAD_FAILED' } })
    expect(stall.error.message).toMatch(/sent nothing for 30 s/)
  })

  it('disk errors are final, and cancellation wins over everything', () => {
    expect(downloadFailure(errno('ENOSPC'), req, 1)).toMatchObject({
      isRetryable: false,
      error: { code: 'DISK_FULL' },
    })
    expect(downloadFailure(errno('EACCES'), req, 1).error.code).toBe('DATA_DIR_UNWRITABLE')
    const controller = new AbortController()
    controller.abort()
    const cancelled = downloadFailure(errno('ECONNRESET'), { ...req, signal: controller.signal }, 1)
    expect(cancelled).toMatchObject({ isRetryable: false, error: { code: 'DOWNLOAD_CANCELLED' } })
  })

  it('re-words a disk error for the outer caller, keeps other engine errors', () => {
    const inner = diskError(errno('ENOSPC'), 'save x', '/a/b') as EngineError
    const outer = diskError(inner, 'install etcd 3.5.0', '/data/etcd') as EngineError
    expect(outer.message).toBe(
      'Could not install etcd 3.5.0: the disk holding /data/etcd is full. Free some space and try again.',
    )
    const other = new EngineError('CHECKSUM_MISMATCH', 'x')
    expect(diskError(other, 'install', '/x')).toBe(other)
    const plain = new Error('boom')
    expect(diskError(plain, 'install', '/x')).toBe(plain)
  })
})
