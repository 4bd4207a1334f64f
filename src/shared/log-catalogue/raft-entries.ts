import type { CatalogueEntry } from '../log-explanations'
import { ETCD_DOCS } from './etcd-docs'

/**
 * Raft's own lines about leaders and elections (the raft library prints them through etcd's
 * logger: zap "msg", or 3.4's `raft… INFO:` text). Member IDs in them are named by the Logs view.
 */
export const RAFT_ENTRIES: readonly CatalogueEntry[] = [
  {
    id: 'election-lost-leader',
    topic: 'election',
    pattern: /raft\.node: \S+ lost leader \S+ at term \d+/,
    docsUrl: ETCD_DOCS.leaderFailure,
  },
  {
    id: 'election-elected-leader',
    topic: 'election',
    pattern: /raft\.node: \S+ (elected leader \S+|changed leader from \S+ to \S+) at term \d+/,
    docsUrl: ETCD_DOCS.leaderFailure,
  },
  {
    id: 'election-became-leader',
    topic: 'election',
    pattern: /^\S+ became leader at term \d+/m,
    docsUrl: ETCD_DOCS.leaderFailure,
  },
  {
    id: 'election-started',
    topic: 'election',
    pattern: /^\S+ is starting a new election at term \d+/m,
    docsUrl: ETCD_DOCS.timeParameters,
  },
  {
    id: 'election-pre-vote',
    topic: 'election',
    pattern: /^\S+ became pre-candidate at term \d+/m,
    docsUrl: ETCD_DOCS.preVote,
  },
  {
    id: 'election-vote-ignored',
    topic: 'election',
    pattern: /ignored \S+ from \S+ .* lease is not expired/,
    docsUrl: ETCD_DOCS.timeParameters,
  },
  {
    id: 'election-quorum-lost',
    topic: 'election',
    pattern: /stepped down to follower since quorum is not active/,
    docsUrl: ETCD_DOCS.failures,
  },
]
