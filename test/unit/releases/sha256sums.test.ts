import { mkdtempSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { findChecksum, sha256File, verifyChecksum } from '../../../src/main/releases/sha256sums'

const A = 'a'.repeat(64)
const B = 'B'.repeat(64)

describe('SHA256SUMS', () => {
  it('finds entries in shasum text and binary mode', () => {
    const sums = `${A}  etcd-v3.5.0-linux-amd64.tar.gz\n${B} *etcd-v3.5.0-darwin-amd64.zip\r\n`
    expect(findChecksum(sums, 'etcd-v3.5.0-linux-amd64.tar.gz')).toBe(A)
    expect(findChecksum(sums, 'etcd-v3.5.0-darwin-amd64.zip')).toBe('b'.repeat(64))
  })

  it('does not match prefixes, other files or malformed lines', () => {
    const sums = `${A}  etcd-v3.5.0-linux-amd64.tar.gz.asc\nnot-a-hash  etcd-v3.5.0-linux-amd64.tar.gz\n`
    expect(findChecksum(sums, 'etcd-v3.5.0-linux-amd64.tar.gz')).toBeNull()
    expect(findChecksum('', 'x')).toBeNull()
  })

  it('hashes files and deletes a file that does not match', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sums-'))
    const file = join(dir, 'etcd-v3.5.0-linux-amd64.tar.gz')
    writeFileSync(file, 'abc')
    const abc = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
    expect(await sha256File(file)).toBe(abc)
    const what = { version: '3.5.0', fileName: 'etcd-v3.5.0-linux-amd64.tar.gz', from: 'mirror' }
    await verifyChecksum(file, abc.toUpperCase(), what)
    await expect(verifyChecksum(file, A, what)).rejects.toMatchObject({
      code: 'CHECKSUM_MISMATCH',
      message: expect.stringContaining('etcd-v3.5.0-linux-amd64.tar.gz (etcd 3.5.0)'),
    })
    expect(existsSync(file)).toBe(false)
  })
})
