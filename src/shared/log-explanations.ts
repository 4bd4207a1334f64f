import type { LogLine } from './logs'
import { MEMBERSHIP_ENTRIES } from './log-catalogue/membership-entries'
import { PEER_ENTRIES } from './log-catalogue/peer-entries'
import { RAFT_ENTRIES } from './log-catalogue/raft-entries'
import { SERVER_ENTRIES } from './log-catalogue/server-entries'
import { STORAGE_ENTRIES } from './log-catalogue/storage-entries'
import { TLS_ENTRIES } from './log-catalogue/tls-entries'

/**
 * The catalogue of etcd log lines a learner meets: which words identify each line, its topic and
 * the page of etcd's documentation about it. The plain words (title, meaning, what to do) are the
 * window's strings, in English and Japanese, under the `logExplanations` namespace of
 * src/renderer/src/i18n/locales, keyed by the entry's id. Each entry matches the words etcd prints
 * (not a whole line), in both of its logger formats: zap JSON (3.4 with --logger=zap, 3.5 and later)
 * and 3.4's capnslog text; client errors too. The texts come from real 3.4.23 and 3.5.16 runs
 * (test/fixtures/etcd-logs/) and etcd's source.
 */

/** What an explanation is about. */
type LogExplanationTopic =
  | 'tls'
  | 'election'
  | 'peer'
  | 'cluster-id'
  | 'membership'
  | 'disk'
  | 'space'
  | 'compaction'
  | 'server'

/** Which explanation a log line gets (its words are the window's, by id). */
export interface LogExplanation {
  /** Stable name of the entry: the key of its title, meaning and action in the catalogues. */
  id: string
  topic: LogExplanationTopic
  /** The etcd documentation page that explains it (etcd.io). */
  docsUrl: string
}

/** One catalogue entry: the words that identify the line, and its explanation. */
export interface CatalogueEntry extends LogExplanation {
  pattern: RegExp
}

/**
 * The catalogue, most specific first: the first match wins. TLS reasons first (they appear nested
 * in peer errors); a removed member before the peer errors it causes; cluster ID mismatches before
 * plain peer trouble.
 */
const LOG_EXPLANATIONS: readonly CatalogueEntry[] = [
  ...TLS_ENTRIES,
  ...MEMBERSHIP_ENTRIES,
  ...PEER_ENTRIES,
  ...RAFT_ENTRIES,
  ...STORAGE_ENTRIES,
  ...SERVER_ENTRIES,
]

/** Every entry's id, in catalogue order (tests check each has words in both languages). */
export const LOG_EXPLANATION_IDS: readonly string[] = LOG_EXPLANATIONS.map((e) => e.id)

/** The explanation of the first catalogue entry found in `text`, or null. */
export function explainLogText(text: string): LogExplanation | null {
  const entry = LOG_EXPLANATIONS.find((e) => e.pattern.test(text))
  if (!entry) return null
  const { id, topic, docsUrl } = entry
  return { id, topic, docsUrl }
}

/** The explanation of a log line: its message and field values are searched (raw text if not JSON). */
export function explainLogLine(line: LogLine): LogExplanation | null {
  if (line.level === 'raw') return explainLogText(line.raw)
  const values = Object.values(line.fields).map((v) =>
    typeof v === 'string' ? v : JSON.stringify(v),
  )
  return explainLogText([line.msg, ...values].join('\n'))
}
