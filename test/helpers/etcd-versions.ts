import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { homedir } from 'node:os'
import { delimiter, join } from 'node:path'

/** One real etcd line the tests run against. */
export interface TestEtcd {
  /** "3.4" or "3.5". */
  line: string
  /** What `etcd --version` printed ("3.5.16"). */
  version: string
  /** Absolute path of the etcd binary. */
  etcd: string
  /** Absolute path of the etcdctl next to it. */
  etcdctl: string
}

/** The cache of scripts/fetch-debian-etcd.sh: ETCD_DESK_TEST_CACHE or ~/.cache/etcd-desk-test. */
export function testCacheDir(): string {
  return (
    process.env.ETCD_DESK_TEST_CACHE ??
    join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'etcd-desk-test')
  )
}

/**
 * Where scripts/fetch-debian-etcd.sh puts a Debian suite's etcd (CI runs it; so can you), unless
 * the environment variable `override` names another folder holding etcd and etcdctl.
 */
function debianEtcdDir(suite: string, override: string): string {
  return process.env[override] ?? join(testCacheDir(), `debian-${suite}`, 'usr', 'bin')
}

/** The etcd of a Debian suite; fails with the command that fetches it when it is missing. */
function debianEtcd(suite: string, override: string, line: string): TestEtcd {
  const dir = debianEtcdDir(suite, override)
  const etcd = join(dir, 'etcd')
  if (!existsSync(etcd)) {
    throw new Error(
      `No etcd ${line} (Debian ${suite}) for the tests at ${dir}: run scripts/fetch-debian-etcd.sh ${suite} (or set ${override}).`,
    )
  }
  return describe(etcd, join(dir, 'etcdctl'))
}

function describe(etcd: string, etcdctl: string): TestEtcd {
  const out = execFileSync(etcd, ['--version'], { encoding: 'utf8' })
  const version = /etcd Version: (\S+)/.exec(out)?.[1]
  if (!version) throw new Error(`${etcd} --version printed no version:\n${out}`)
  return { line: version.split('.').slice(0, 2).join('.'), version, etcd, etcdctl }
}

/** The first `name` on PATH, as an absolute path; fails naming what is missing. */
function onPath(name: string): string {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean)
  const found = dirs.map((dir) => join(dir, name)).find((path) => existsSync(path))
  if (!found) throw new Error(`No ${name} on PATH: install etcd-server and etcd-client.`)
  return found
}

/** The etcd on PATH (Debian bookworm's 3.4.23 here and in CI). */
export function systemTestEtcd(): TestEtcd {
  return describe(onPath('etcd'), onPath('etcdctl'))
}

/** Debian trixie's etcd 3.5 (3.5.16); fails with the command that fetches it when it is missing. */
export function etcd35(): TestEtcd {
  return debianEtcd('trixie', 'ETCD_DESK_TEST_ETCD35_DIR', '3.5')
}

/** Debian sid's etcd 3.5.30 (a newer 3.5 patch); fails with the command that fetches it. */
export function etcd3530(): TestEtcd {
  return debianEtcd('sid', 'ETCD_DESK_TEST_ETCD3530_DIR', '3.5.30')
}

/** Both real lines, for tests that must hold on two etcd versions. */
export function testEtcdLines(): TestEtcd[] {
  return [systemTestEtcd(), etcd35()]
}
