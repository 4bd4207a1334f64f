/** Reads "3.4.23" out of `etcd --version` output ("etcd Version: 3.4.23"). */
export function parseEtcdVersionOutput(output: string): string | null {
  const match = /etcd Version:\s*v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.]+)?)/.exec(output)
  return match?.[1] ?? null
}
