/**
 * Sizes the contract, the engine and the window agree on. One place: the schema refuses what the
 * engine would refuse, and the window warns about what etcd would refuse.
 */

/** Key page size when the caller gives none: a screenful of rows many times over, cheap to fetch. */
export const DEFAULT_PAGE_LIMIT = 500

/**
 * Largest key page a caller may ask for. Each page also walks the rest of its range in etcd's
 * memory to count it (ETCD-FACTS fact 4), so big pages do not make listing cheaper, only burstier.
 */
export const MAX_PAGE_LIMIT = 5000

/** etcd's default --max-request-bytes (1.5 MiB): the largest put or txn a member accepts. */
export const DEFAULT_MAX_REQUEST_BYTES = 1_572_864

/** Largest key or value that may cross the contract (etcd itself refuses far less by default). */
export const MAX_CONTRACT_BYTES = 64 * 1024 * 1024

/** Most log lines one logs:get returns; the engine keeps about this many per member anyway. */
export const MAX_LOG_LINES_PER_REQUEST = 10_000
