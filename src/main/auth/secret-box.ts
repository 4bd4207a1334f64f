/**
 * Encrypts secrets at rest. The desktop app passes one built on Electron's safeStorage (the OS
 * keychain: Keychain, DPAPI, libsecret/kwallet); browser mode has none, so root's password lives
 * in memory for the session only and is asked again after a restart.
 */
export interface SecretBox {
  /** The secret as bytes only this OS user can decrypt. */
  encrypt(plain: string): Buffer
  /** Throws when the bytes were not made by encrypt() for this OS user. */
  decrypt(data: Buffer): string
}
