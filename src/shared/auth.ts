import { z } from 'zod'
import { words, type EngineWords } from './engine-words/engine-words'

/**
 * etcd authentication as the window sees it: users, roles and their key permissions
 * (ETCD-OPS-FACTS §6.1). Keys in permissions are text here (etcd Desk's own key names are text;
 * a binary key range is shown escaped by the engine).
 */

/** What a role may do on a key or prefix (etcdctl's `read`, `write`, `readwrite`). */
export type AuthPermission = 'read' | 'write' | 'readwrite'

/** Every permission, in the order the window offers them. */
export const AUTH_PERMISSIONS: readonly AuthPermission[] = ['read', 'write', 'readwrite']

/** Why 8: the shortest root password etcd Desk accepts; etcd itself takes any, even an empty one. */
export const MIN_PASSWORD_LENGTH = 8

/** One permission of a role: a single key, or every key starting with `key` (a prefix). */
export interface KeyPermissionView {
  permission: AuthPermission
  key: string
  isPrefix: boolean
  /** The raw range end when it is neither a single key nor a prefix (granted by etcdctl). */
  rangeEnd: string | null
}

/** One etcd user and the roles it holds. */
export interface AuthUserView {
  name: string
  roles: string[]
}

/** One etcd role and what it may do. */
export interface AuthRoleView {
  name: string
  permissions: KeyPermissionView[]
}

/** A cluster's authentication state. */
export interface AuthView {
  cluster: string
  /** Null when it cannot tell (the cluster is stopped and nothing was recorded). */
  isEnabled: boolean | null
  /** False when auth is on and the engine needs root's password (after a restart in browser mode). */
  isRootPasswordKnown: boolean
  /** Where root's password is kept: encrypted with the OS keychain, or in memory for this session. */
  passwordStore: 'encrypted' | 'memory'
  /** The user the key browser runs as, or null (the engine's own: root when auth is on). */
  browseAs: string | null
  isRunning: boolean
  /** Empty while the cluster is stopped or root's password is needed. */
  users: AuthUserView[]
  roles: AuthRoleView[]
}

/** An etcd user or role name as a request argument (no NUL, no control characters). */
export const authNameSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[^\p{Cc}]+$/u, 'no control characters')

/** A password as a request argument; the engine checks its strength with a message naming the user. */
export const passwordSchema = z.string().max(256)

/** A permission's key or prefix as a request argument. */
export const permissionKeySchema = z
  .string()
  .min(1)
  .max(4096)
  .regex(/^[^\0]+$/, 'no NUL bytes')

/** A password's weakness in words ("is empty", read after "it"), or null when it is acceptable. */
export function passwordProblem(user: string, password: string): EngineWords | null {
  if (password.length === 0) return words('engine-rules:password.empty')
  if (password.length < MIN_PASSWORD_LENGTH) {
    return words('engine-rules:password.short', { min: MIN_PASSWORD_LENGTH })
  }
  if (password.toLowerCase() === user.toLowerCase()) return words('engine-rules:password.userName')
  return null
}
