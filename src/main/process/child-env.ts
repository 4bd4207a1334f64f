/**
 * Security: variables that would let the environment inject code into, or silently re-flag,
 * the etcd processes we start. etcd reads ETCD_* variables as flags, which would also clash
 * with the flags we pass ("conflicting environment variable").
 */
const BLOCKED = [/^LD_/, /^DYLD_/, /^NODE_OPTIONS$/, /^ELECTRON_/, /^ETCD_/, /^ETCDCTL_/]

/** The environment etcd members run with: the engine's, minus injection and etcd-flag variables. */
export function childEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const clean: Record<string, string> = {}
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && !BLOCKED.some((re) => re.test(key))) clean[key] = value
  }
  return clean
}
