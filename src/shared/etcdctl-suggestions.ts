import { shellCommand } from './shell-words'

/** What a suggested command shows; the window words it (commands:explore.<topic>). */
type EtcdctlTopic = 'members' | 'status' | 'health' | 'keys' | 'watch' | 'probeLoop'

/** One etcdctl command the Commands tab offers to copy, with what it shows. */
export interface EtcdctlSuggestion {
  topic: EtcdctlTopic
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
      topic: 'members',
      command: run('member', 'list', '-w', 'table'),
      isLongRunning: false,
    },
    {
      topic: 'status',
      command: run('endpoint', 'status', '-w', 'table'),
      isLongRunning: false,
    },
    {
      topic: 'health',
      command: run('endpoint', 'health'),
      isLongRunning: false,
    },
    {
      topic: 'keys',
      command: run('get', '--prefix', '--keys-only', '--limit=20', ''),
      isLongRunning: false,
    },
    {
      topic: 'watch',
      command: run('watch', '--prefix', ''),
      isLongRunning: true,
    },
  ]
}
