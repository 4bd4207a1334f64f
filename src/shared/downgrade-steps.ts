import type { EtcdLine } from './etcd-lines'

/**
 * The etcdctl arguments of a 3.6 / 3.7 downgrade by etcd's own means (its downgrade guide): check
 * the target line, then enable (the leader migrates the storage version); `cancel` undoes an
 * enabled downgrade. etcd takes the line ("3.5"), not a patch version.
 */
export function downgradeArgs(action: 'validate' | 'enable' | 'cancel', line: EtcdLine): string[] {
  return ['downgrade', action, line]
}
