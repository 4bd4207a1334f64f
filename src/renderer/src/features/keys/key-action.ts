/** The user's last key action, so the Commands tab can show its etcdctl equivalent. */
export type KeyAction = (
  | { kind: 'get'; key: Uint8Array }
  | { kind: 'list'; prefix: Uint8Array; limit: number }
  | { kind: 'put'; key: Uint8Array; value: Uint8Array }
  | { kind: 'delete'; key: Uint8Array }
  | { kind: 'delete-prefix'; prefix: Uint8Array }
) & {
  /** The "browse as" user it ran as; absent: etcd Desk's own (root when auth is on). */
  asUser?: string
}

/** Receives key actions as they succeed. */
export type KeyActionListener = (action: KeyAction) => void
