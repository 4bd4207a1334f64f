/**
 * gRPC receive limit for the client. grpc-js defaults to 4 MiB, which a keys-only listing
 * exceeds at roughly 100k keys (ETCD-FACTS fact 7, microsoft/etcd3 #36). We always page, so this
 * only has to hold one page: 5,000 keys, or a page with values of up to 64 MiB in total; a larger
 * answer fails with ETCD_REQUEST_FAILED asking for smaller pages.
 */
export const MAX_RECEIVE_MESSAGE_BYTES = 64 * 1024 * 1024

/**
 * Deadline of one unary etcd call. Local reads answer in milliseconds and a leader election takes
 * about 2 s (ETCD-FACTS 5.5); 5 s rides out one election, yet a stopped or hung member becomes
 * ETCD_UNREACHABLE quickly instead of freezing the key browser. etcd3 retries a failed call up to
 * 3 times on other endpoints, so the worst case is about 3 × this.
 */
export const CALL_DEADLINE_MS = 5_000

/**
 * Deadline of a DeleteRange over a prefix: one raft entry that may delete 100k+ keys, which takes
 * seconds on a slow disk, so it gets more time than a read.
 */
export const BULK_DELETE_DEADLINE_MS = 30_000

/**
 * How long watch() waits for etcd to confirm a new watch. The watch stream has no gRPC deadline
 * (it lives for as long as it is open), so without this an unreachable cluster would hang it.
 */
export const WATCH_CREATE_TIMEOUT_MS = 10_000

/**
 * How long closing a watch waits for etcd to confirm the cancel: one round trip normally, but a
 * stopped member never answers and closing must not hang on it.
 */
export const WATCH_CLOSE_TIMEOUT_MS = 2_000

/**
 * How long to wait for the answer of the one-off watch that learns the compact revision after a
 * watch was cancelled. etcd answers an out-of-date watch on its next sync (every 100 ms).
 */
export const COMPACT_PROBE_TIMEOUT_MS = 3_000

/**
 * Bytes a put adds around key and value in etcd's raft entry (request header, field tags and
 * lengths); the server compares the whole entry with --max-request-bytes.
 */
export const PUT_OVERHEAD_BYTES = 256
