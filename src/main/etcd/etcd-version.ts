/** The etcd minor lines whose flags differ; later lines behave like the newest known. */
export type EtcdLine = '3.4' | '3.5' | '3.6'

/** Reads "3.4.23" out of `etcd --version` output ("etcd Version: 3.4.23"). */
export function parseEtcdVersionOutput(output: string): string | null {
  const match = /etcd Version:\s*v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.]+)?)/.exec(output)
  return match?.[1] ?? null
}

/** Maps a version to the flag line it needs, or null for versions etcd Desk cannot run. */
export function etcdLineOf(version: string): EtcdLine | null {
  const match = /^(\d+)\.(\d+)\./.exec(version)
  if (!match) return null
  const [major, minor] = [Number(match[1]), Number(match[2])]
  if (major !== 3 || minor < 4) return null
  if (minor === 4) return '3.4'
  if (minor === 5) return '3.5'
  return '3.6'
}
