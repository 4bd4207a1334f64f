import { describe, expect, it } from 'vitest'
import { escapeReason, wantedBinary } from '../../../src/main/releases/archive-entries'

describe('archive entry safety', () => {
  it('lets ordinary entries through', () => {
    expect(escapeReason({ path: 'etcd-v3.5.0-linux-amd64/etcd', kind: 'file' })).toBeNull()
    expect(escapeReason({ path: './top/Documentation/', kind: 'directory' })).toBeNull()
    expect(
      escapeReason({ path: 'top/a/link', kind: 'symlink', linkTarget: '../README.md' }),
    ).toBeNull()
    expect(escapeReason({ path: 'top/hard', kind: 'hardlink', linkTarget: 'top/etcd' })).toBeNull()
  })

  it('refuses .. and absolute paths, POSIX and Windows style', () => {
    expect(escapeReason({ path: '../evil', kind: 'file' })).toMatch(/\.\./)
    expect(escapeReason({ path: 'top/../../evil', kind: 'file' })).toMatch(/\.\./)
    expect(escapeReason({ path: 'top\\..\\..\\evil', kind: 'file' })).toMatch(/\.\./)
    expect(escapeReason({ path: '/etc/passwd', kind: 'file' })).toMatch(/absolute/)
    expect(escapeReason({ path: 'C:\\Windows\\evil', kind: 'file' })).toMatch(/absolute/)
  })

  it('refuses links pointing outside', () => {
    expect(escapeReason({ path: 'top/link', kind: 'symlink', linkTarget: '/etc' })).toMatch(
      /absolute/,
    )
    expect(escapeReason({ path: 'top/link', kind: 'symlink', linkTarget: '../../x' })).toMatch(
      /outside/,
    )
    expect(escapeReason({ path: 'link', kind: 'symlink', linkTarget: '..' })).toMatch(/outside/)
    expect(escapeReason({ path: 'top/hard', kind: 'hardlink', linkTarget: '../x' })).toMatch(
      /hardlink/,
    )
  })

  it('keeps only the wanted binaries at the top or one folder down', () => {
    const binaries = ['etcd', 'etcdctl']
    expect(wantedBinary({ path: 'etcd-v3.4.23-linux-amd64/etcd', kind: 'file' }, binaries)).toBe(
      'etcd',
    )
    expect(wantedBinary({ path: 'etcdctl', kind: 'file' }, binaries)).toBe('etcdctl')
    expect(wantedBinary({ path: 'top/README.md', kind: 'file' }, binaries)).toBeNull()
    expect(wantedBinary({ path: 'top/Documentation/etcd', kind: 'file' }, binaries)).toBeNull()
    expect(
      wantedBinary({ path: 'top/etcd', kind: 'symlink', linkTarget: 'x' }, binaries),
    ).toBeNull()
  })
})
