import type { IPermission } from 'etcd3'
import type { AuthPermission, KeyPermissionView } from '../../shared/auth'
import { prefixEnd } from '../keys/key-bytes'

/** etcd3's names of the permission types. */
const TO_ETCD = { read: 'Read', write: 'Write', readwrite: 'Readwrite' } as const
const FROM_ETCD: Record<IPermission['permType'], AuthPermission> = {
  Read: 'read',
  Write: 'write',
  Readwrite: 'readwrite',
}

/** The key range a permission covers: one key (no range end), or a prefix like etcdctl's --prefix. */
export function permissionRange(
  key: string,
  isPrefix: boolean,
): { key: Buffer; range_end: Buffer } {
  const bytes = Buffer.from(key, 'utf8')
  return { key: bytes, range_end: isPrefix ? Buffer.from(prefixEnd(bytes)) : Buffer.alloc(0) }
}

/** A permission as etcd's RoleGrantPermission takes it. */
export function toEtcdPermission(
  permission: AuthPermission,
  key: string,
  isPrefix: boolean,
): IPermission {
  return { permType: TO_ETCD[permission], ...permissionRange(key, isPrefix) }
}

/** A permission etcd listed, as the window shows it. */
export function toPermissionView(perm: IPermission): KeyPermissionView {
  const key = Buffer.from(perm.key).toString('utf8')
  const end = Buffer.from(perm.range_end ?? Buffer.alloc(0))
  const isPrefix = end.length > 0 && end.equals(Buffer.from(prefixEnd(Buffer.from(perm.key))))
  return {
    permission: FROM_ETCD[perm.permType] ?? 'read',
    key,
    isPrefix,
    rangeEnd: end.length === 0 || isPrefix ? null : end.toString('utf8'),
  }
}
