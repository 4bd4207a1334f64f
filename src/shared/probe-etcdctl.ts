import type { EtcdctlSuggestion } from './etcdctl-suggestions'
import { PROBE_CALL_DEADLINE_MS, PROBE_LEASE_TTL_SECONDS, PROBE_PREFIX } from './probe'
import { shellCommand } from './shell-words'

/**
 * Where the twin writes: beside the app's probe keys, not on them, so running both at once does
 * not make either read back the other's value and report a failure.
 */
export const PROBE_LOOP_PREFIX = `${PROBE_PREFIX}etcdctl/`

/** A member as the probe's twin needs it. */
export interface ProbeLoopMember {
  name: string
  clientUrl: string
  isLearner: boolean
}

/**
 * The write probe as a bash loop of etcdctl, with the cluster's own etcdctl: a lease of
 * PROBE_LEASE_TTL_SECONDS renewed once a round (granted anew if etcd forgot it), then for each
 * voting member a put of its key (under PROBE_LOOP_PREFIX) through that member alone and a linearizable get of it,
 * each with the probe's 1 s deadline. Ctrl+C stops it; its keys expire with the lease.
 */
export function probeLoopSuggestion(
  etcdctl: string,
  members: readonly ProbeLoopMember[],
  /** The cluster's TLS flags (--cacert, --cert, --key), on a TLS cluster. */
  tls: readonly string[] = [],
): EtcdctlSuggestion {
  const voting = members.filter((m) => !m.isLearner)
  const all = voting.map((m) => m.clientUrl).join(',')
  const grant = shellCommand(etcdctl, [
    `--endpoints=${all}`,
    ...tls,
    'lease',
    'grant',
    String(PROBE_LEASE_TTL_SECONDS),
  ])
  const renew = shellCommand(etcdctl, [
    `--endpoints=${all}`,
    ...tls,
    'lease',
    'keep-alive',
    '--once',
  ])
  const timeout = `${PROBE_CALL_DEADLINE_MS / 1000}s`
  // One member only, with the probe's deadline; "$endpoint" is expanded by the shell.
  const one = `${shellCommand(etcdctl, [...tls])} --endpoints="$endpoint" --dial-timeout=${timeout} --command-timeout=${timeout}`
  const targets = voting.map((m) =>
    shellCommand(`${PROBE_LOOP_PREFIX}${m.name}=${m.clientUrl}`, []),
  )
  const command = [
    `lease=$(${grant} | cut -d' ' -f2)`,
    'while true; do',
    `  ${renew} "$lease" >/dev/null ||`,
    `    lease=$(${grant} | cut -d' ' -f2)`,
    `  for target in ${targets.join(' ')}; do`,
    '    key=${target%%=*} endpoint=${target#*=} value="probe $RANDOM"',
    `    if ${one} put --lease="$lease" "$key" "$value" >/dev/null &&`,
    `      [ "$(${one} get --print-value-only "$key")" = "$value" ]; then`,
    '      echo "$(date +%T) ok     $key"',
    '    else',
    '      echo "$(date +%T) FAILED $key"',
    '    fi',
    '    sleep 0.05',
    '  done',
    'done',
  ].join('\n')
  return {
    topic: 'probeLoop',
    command,
    isLongRunning: true,
  }
}
