import { readdirSync, readFileSync } from 'node:fs'

/** One running etcd process as /proc shows it. */
export interface EtcdProcess {
  pid: number
  args: string[]
}

/** Lists running etcd processes whose command line mentions `marker` (Linux /proc). */
export function findEtcdProcesses(marker: string): EtcdProcess[] {
  const found: EtcdProcess[] = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    let args: string[]
    try {
      args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').filter(Boolean)
    } catch {
      continue
    }
    const exe = args[0] ?? ''
    if (!/(^|\/)etcd$/.test(exe)) continue
    if (args.some((a) => a.includes(marker))) found.push({ pid: Number(entry), args })
  }
  return found
}
