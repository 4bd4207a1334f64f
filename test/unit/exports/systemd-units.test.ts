/**
 * The systemd units of a cluster export parse as systemd reads them (sections of key=value, "\"
 * continuing a line) and, with each member's EnvironmentFile applied, name exactly the flags the
 * app starts the member with; hosts given for the members replace the URLs' hosts.
 */
import { describe, expect, it } from 'vitest'
import { buildClusterExport } from '../../../src/main/exports/cluster-export'
import type { ExportFileView } from '../../../src/shared/cluster-export/export-types'
import { appArgs, clusterDef } from './export-args'

type Unit = Record<string, Record<string, string>>

/** A unit file's sections and keys; a line ending in "\" continues on the next. */
function parseUnit(text: string): Unit {
  const unit: Unit = {}
  let section: Record<string, string> | null = null
  const joined = text.replace(/\\\n/g, ' ')
  for (const raw of joined.split('\n')) {
    const line = raw.trim()
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue
    const header = /^\[([A-Za-z]+)\]$/.exec(line)
    if (header?.[1]) {
      section = unit[header[1]] = {}
      continue
    }
    const at = line.indexOf('=')
    if (!section || at <= 0) throw new Error(`not a unit line: ${line}`)
    section[line.slice(0, at)] = line.slice(at + 1)
  }
  return unit
}

/** An EnvironmentFile's KEY=value lines. */
function parseEnv(text: string): Record<string, string> {
  const env: Record<string, string> = {}
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue
    const match = /^([A-Z_]+)=(.*)$/.exec(line)
    if (!match?.[1]) throw new Error(`not an env line: ${line}`)
    env[match[1]] = match[2] ?? ''
  }
  return env
}

function fileText(files: ExportFileView[], path: string): string {
  const text = files.find((f) => f.path === path)?.text
  if (!text) throw new Error(`the export has no ${path}`)
  return text
}

/** ExecStart's words with ${VAR} taken from the env file, as systemd runs them. */
function execArgs(files: ExportFileView[], member: string): { binary: string; args: string[] } {
  const unit = parseUnit(fileText(files, `systemd/etcd-demo-${member}.service`))
  expect(unit.Service?.EnvironmentFile).toBe(`/etc/etcd/demo/${member}.env`)
  expect(unit.Service?.Type).toBe('notify')
  expect(unit.Install?.WantedBy).toBe('multi-user.target')
  const env = parseEnv(fileText(files, `systemd/${member}.env`))
  const [binary = '', ...args] = (unit.Service?.ExecStart ?? '').split(/\s+/)
  return {
    binary,
    args: args.map((a) =>
      a.replace(/\$\{([A-Z_]+)\}/g, (_, name: string) => {
        const value = env[name]
        if (value === undefined) throw new Error(`${member}.env has no ${name}`)
        return value
      }),
    ),
  }
}

describe.each([
  { version: '3.4.23', tls: false },
  { version: '3.5.16', tls: true },
])('systemd units of a $version cluster (TLS: $tls)', ({ version, tls }) => {
  const def = clusterDef(version, tls)

  it('name the app flags of each member, with the URLs from its env file', async () => {
    const { files } = buildClusterExport(def)
    const expected = await appArgs(def, (m) => `/var/lib/etcd/demo-${m}`, '/etc/etcd/demo/tls')
    for (const [member, args] of expected) {
      const exec = execArgs(files, member)
      expect(exec.binary).toBe('/usr/local/bin/etcd')
      expect(exec.args).toEqual(args)
    }
  })

  it('put each member on its own host when hosts are given', () => {
    const hosts = { etcd1: '10.0.0.1', etcd2: '10.0.0.2', etcd3: 'node3.example' }
    const { files } = buildClusterExport(def, { hosts })
    const scheme = tls ? 'https' : 'http'
    const args = execArgs(files, 'etcd3').args
    expect(args).toContain(`--advertise-client-urls=${scheme}://node3.example:22379`)
    // etcd binds only IP addresses: a member given by name listens on every interface.
    expect(args).toContain(`--listen-peer-urls=${scheme}://0.0.0.0:22380`)
    expect(args).toContain(
      `--initial-cluster=etcd1=${scheme}://10.0.0.1:2380,etcd2=${scheme}://10.0.0.2:12380,etcd3=${scheme}://node3.example:22380`,
    )
    expect(execArgs(files, 'etcd1').args).toContain(
      `--listen-client-urls=${scheme}://10.0.0.1:2379`,
    )
  })
})
