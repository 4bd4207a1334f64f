import { parse } from 'shell-quote'

/** The flags of one `etcd …` command line, as written. */
export interface ParsedEtcdCommand {
  flags: Map<string, string>
}

/** One inconsistency between member command lines, naming the member and the flag. */
export interface CommandIssue {
  member: string
  flag: string
  message: string
}

/** Parses an `etcd --flag value --flag=value …` command (backslash line continuations allowed). */
export function parseEtcdCommand(command: string): ParsedEtcdCommand {
  const words = parse(command.replace(/\\\r?\n/g, ' ')).filter(
    (w): w is string => typeof w === 'string',
  )
  const flags = new Map<string, string>()
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? ''
    if (!word.startsWith('-')) continue
    const bare = word.replace(/^--?/, '')
    const eq = bare.indexOf('=')
    if (eq >= 0) flags.set(bare.slice(0, eq), bare.slice(eq + 1))
    else if (i + 1 < words.length && !(words[i + 1] ?? '').startsWith('-'))
      flags.set(bare, words[++i] ?? '')
    else flags.set(bare, 'true')
  }
  return { flags }
}

/** Parses an --initial-cluster value into name → peer URLs. */
export function parseInitialCluster(value: string): Map<string, string[]> {
  const entries = new Map<string, string[]>()
  for (const part of value.split(',').filter(Boolean)) {
    const eq = part.indexOf('=')
    const name = eq >= 0 ? part.slice(0, eq) : part
    const url = eq >= 0 ? part.slice(eq + 1) : ''
    entries.set(name, [...(entries.get(name) ?? []), url])
  }
  return entries
}

/**
 * Checks that every member's --initial-cluster lists exactly the members (name=peer URL) that the
 * commands define, and that all share one --initial-cluster-token: the tutorial's typo class.
 */
export function checkMemberCommands(commands: readonly ParsedEtcdCommand[]): CommandIssue[] {
  const members = commands.map((c) => ({
    name: c.flags.get('name') ?? '',
    peers: (c.flags.get('initial-advertise-peer-urls') ?? '').split(',').filter(Boolean),
    cluster: parseInitialCluster(c.flags.get('initial-cluster') ?? ''),
    token: c.flags.get('initial-cluster-token') ?? '',
  }))
  const issues: CommandIssue[] = []
  const known = new Map(members.map((m) => [m.name, m.peers]))
  for (const m of members) {
    const member = m.name || '(no --name)'
    for (const [name, urls] of m.cluster) {
      const peers = known.get(name)
      if (!peers) {
        const hint = members.find((o) => o.peers.some((p) => urls.includes(p)))
        issues.push({
          member,
          flag: '--initial-cluster',
          message: `Member ${member}: --initial-cluster entry "${name}=${urls.join(',')}" matches no member's --name${hint ? ` (did you mean ${hint.name}?)` : ''}.`,
        })
      } else if (urls.slice().sort().join(',') !== peers.slice().sort().join(',')) {
        issues.push({
          member,
          flag: '--initial-cluster',
          message: `Member ${member}: --initial-cluster says ${name} is at ${urls.join(',')}, but ${name} advertises ${peers.join(',') || 'no peer URL'}.`,
        })
      }
    }
    for (const other of members) {
      if (!m.cluster.has(other.name)) {
        issues.push({
          member,
          flag: '--initial-cluster',
          message: `Member ${member}: --initial-cluster does not list member ${other.name || '(no --name)'}.`,
        })
      }
    }
    if (m.token !== (members[0]?.token ?? '')) {
      issues.push({
        member,
        flag: '--initial-cluster-token',
        message: `Member ${member}: --initial-cluster-token "${m.token}" differs from "${members[0]?.token}"; members with different tokens never join.`,
      })
    }
  }
  return issues
}
