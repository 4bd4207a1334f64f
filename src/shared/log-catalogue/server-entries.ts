import type { CatalogueEntry } from '../log-explanations'
import { ETCD_DOCS } from './etcd-docs'

/** What a member says about itself at start and stop, and warnings every learner sees. */
export const SERVER_ENTRIES: readonly CatalogueEntry[] = [
  {
    id: 'restart-existing-member',
    topic: 'server',
    pattern:
      /server has been already initialized|the server is already initialized as member before/,
    docsUrl: ETCD_DOCS.reconfiguration,
  },
  {
    id: 'insecure-client-traffic',
    topic: 'server',
    pattern: /serving client traffic insecurely|serving insecure client requests on/,
    docsUrl: ETCD_DOCS.security,
  },
  {
    id: 'simple-token',
    topic: 'server',
    pattern: /simple token is not cryptographically signed/,
    docsUrl: ETCD_DOCS.authConfig,
  },
  {
    id: 'single-port',
    topic: 'server',
    pattern: /Running http and grpc server on single port/,
    docsUrl: ETCD_DOCS.configuration,
  },
  {
    id: 'shutdown-signal',
    topic: 'server',
    pattern: /received signal; shutting down|received \w+ signal, shutting down/,
    docsUrl: ETCD_DOCS.failures,
  },
  {
    id: 'leadership-transfer-failed',
    topic: 'server',
    pattern: /leadership transfer failed|failed to transfer leadership/,
    docsUrl: ETCD_DOCS.leaderFailure,
  },
]
