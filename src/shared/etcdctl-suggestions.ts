import { shellCommand } from './shell-words'

/** One etcdctl command the Commands tab offers to copy, with what it shows. */
export interface EtcdctlSuggestion {
  title: string
  command: string
  /** Runs until stopped with Ctrl+C (watch). */
  isLongRunning: boolean
}

/**
 * The etcdctl commands a learner runs against a cluster, with the cluster's own etcdctl and all
 * of its client URLs, so each one can be pasted into a terminal as it is.
 */
export function etcdctlSuggestions(
  etcdctl: string,
  endpoints: string,
  /** The cluster's TLS flags (--cacert, --cert, --key), on a TLS cluster. */
  tls: readonly string[] = [],
): EtcdctlSuggestion[] {
  const run = (...args: string[]): string =>
    shellCommand(etcdctl, [`--endpoints=${endpoints}`, ...tls, ...args])
  return [
    {
      title: 'Members: IDs, names, peer and client URLs',
      command: run('member', 'list', '-w', 'table'),
      isLongRunning: false,
    },
    {
      title: 'Leader, raft term, raft index and DB size of each member',
      command: run('endpoint', 'status', '-w', 'table'),
      isLongRunning: false,
    },
    {
      title: 'Whether each member answers',
      command: run('endpoint', 'health'),
      isLongRunning: false,
    },
    {
      title: 'The first 20 keys',
      command: run('get', '--prefix', '--keys-only', '--limit=20', ''),
      isLongRunning: false,
    },
    {
      title: 'Every change as it happens (Ctrl+C stops it)',
      command: run('watch', '--prefix', ''),
      isLongRunning: true,
    },
  ]
}
