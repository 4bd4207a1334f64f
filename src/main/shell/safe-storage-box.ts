import { safeStorage } from 'electron'
import type { SecretBox } from '../auth/secret-box'

/**
 * Linux backends that protect nothing: 'basic_text' encrypts with a key hard-coded in Chromium,
 * and 'unknown' means none was chosen (asked before the app was ready).
 */
const UNSAFE_LINUX_BACKENDS: ReadonlySet<string> = new Set(['basic_text', 'unknown'])

/**
 * The SecretBox of the desktop app: Electron's safeStorage (macOS Keychain, Windows DPAPI,
 * libsecret or kwallet on Linux). Undefined where the OS offers no encryption — Linux without
 * a keyring falls back to a hard-coded key ('basic_text'), which is no protection, so root's
 * password then stays in memory for the session instead. Call it after the app is ready.
 */
export function safeStorageBox(): SecretBox | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined
  // Platform branch: only Linux has the 'basic_text' fallback; elsewhere availability suffices.
  if (
    process.platform === 'linux' &&
    UNSAFE_LINUX_BACKENDS.has(safeStorage.getSelectedStorageBackend())
  ) {
    return undefined
  }
  return {
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (data) => safeStorage.decryptString(data),
  }
}
