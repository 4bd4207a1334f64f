/**
 * The Procfile, compose file, bash and PowerShell scripts of a cluster export carry exactly the
 * flags the app starts each member with (planLaunch), for 3.4 and 3.5, with and without TLS.
 * PowerShell cannot run here: its text is parsed and compared instead.
 */
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { buildClusterExport } from '../../../src/main/exports/cluster-export'
import type { ExportFileView } from '../../../src/shared/cluster-export/export-types'
import { appArgs, clusterDef, shellWords } from './export-args'

const CASES = [
  { version: '3.4.23', tls: false },
  { version: '3.4.23', tls: true },
  { version: '3.5.16', tls: false },
  { version: '3.5.16', tls: true },
] as const

function textOf(files: ExportFileView[], path: string): string {
  const text = files.find((f) => f.path === path)?.text
  if (!text) throw new Error(`the export has no ${path}`)
  return text
}

describe.each(CASES)('export of a $version cluster (TLS: $tls)', ({ version, tls }) => {
  const def = clusterDef(version, tls)
  const { files } = buildClusterExport(def)
  const local = () => appArgs(def, (m) => `data/${m}`, 'tls')

  it('Procfile: one goreman line per member with the app flags', async () => {
    const lines = textOf(files, 'Procfile')
      .split('\n')
      .filter((l) => l !== '' && !l.startsWith('#'))
    const parsed = new Map(
      lines.map((line) => {
        const match = /^([A-Za-z0-9_-]+):\s*(.+)$/.exec(line)
        if (!match) throw new Error(`not a Procfile line: ${line}`)
        const [binary, ...args] = shellWords(match[2] ?? '')
        expect(binary).toBe('etcd')
        return [match[1], args] as const
      }),
    )
    expect(Object.fromEntries(parsed)).toEqual(Object.fromEntries(await local()))
  })

  it('docker-compose.yml: one service per member, the official image, the app flags', async () => {
    const compose = parse(textOf(files, 'docker-compose.yml')) as {
      services: Record<string, { image: string; command: string[]; network_mode: string }>
    }
    const expected = await appArgs(def, () => '/var/lib/etcd', '/etc/etcd/tls')
    expect(Object.keys(compose.services)).toEqual([...expected.keys()])
    for (const [member, args] of expected) {
      const service = compose.services[member]
      expect(service?.image).toBe(`gcr.io/etcd-development/etcd:v${version}`)
      expect(service?.network_mode).toBe('host')
      expect(service?.command).toEqual(['/usr/local/bin/etcd', ...args])
    }
  })

  it('start-cluster.sh: starts each member with the app flags', async () => {
    const script = textOf(files, 'start-cluster.sh')
    const starts = script.split('\n').filter((l) => l.startsWith('start_member '))
    const parsed = starts.map((line) => shellWords(line.slice('start_member '.length)))
    const expected = await local()
    expect(Object.fromEntries(parsed.map(([name, ...args]) => [name, args]))).toEqual(
      Object.fromEntries(expected),
    )
    expect(files.find((f) => f.path === 'start-cluster.sh')?.isExecutable).toBe(true)
  })

  it('start-cluster.ps1: the same flags as PowerShell strings (its text; no PowerShell here)', async () => {
    const script = textOf(files, 'start-cluster.ps1')
    const parsed = [...script.matchAll(/^Start-Member '([^']+)' @\((.*)\)$/gm)].map((m) => [
      m[1],
      [...(m[2] ?? '').matchAll(/'((?:[^']|'')*)'/g)].map((w) => (w[1] ?? '').replace(/''/g, "'")),
    ])
    expect(Object.fromEntries(parsed)).toEqual(Object.fromEntries(await local()))
  })

  it(tls ? 'lists the CA, member and etcdctl certificates (no CA key)' : 'has no TLS files', () => {
    const tlsFiles = files.filter((f) => f.kind === 'tls').map((f) => f.path)
    if (!tls) {
      expect(tlsFiles).toEqual([])
      return
    }
    expect(tlsFiles).toContain('tls/ca.crt')
    expect(tlsFiles).toContain('tls/members/etcd2/peer.key')
    expect(tlsFiles).toContain('tls/clients/etcdctl.key')
    expect(tlsFiles).not.toContain('tls/ca.key')
    expect(files.filter((f) => f.kind === 'tls').every((f) => f.text === null)).toBe(true)
  })
})

describe('what a cluster export changes', () => {
  it('starts a fresh cluster: no fault proxies, no discovery, joined members bootstrap too', () => {
    const def = clusterDef('3.5.16', false, 2)
    const proxied = {
      ...def,
      members: def.members.map((m, i) =>
        i === 1 ? { ...m, proxyPort: 3380, joined: { initialCluster: 'x=http://a:1' } } : m,
      ),
    }
    const procfile = textOf(buildClusterExport(proxied).files, 'Procfile')
    expect(procfile).not.toContain('3380')
    expect(procfile).not.toContain('--initial-cluster-state=existing')
    expect(buildClusterExport(proxied).notes.join(' ')).toMatch(/proxies stay in etcd Desk/)
  })

  it('refuses a cluster half way through Enable TLS, naming it', () => {
    const def = { ...clusterDef('3.5.16', false), tlsSwitch: { phase: 'material' } } as never
    expect(() => buildClusterExport(def)).toThrow(/demo is half way through Enable TLS/)
  })
})
