import { safeStorage } from 'electron'
import type { SecretBox } from '../auth/secret-box'

/**
 * The SecretBox of the desktop app: Electron's safeStorage (macOS Keychain, Windows DPAPI,
 * libsecret or kwallet on Linux). Undefined where the OS offers no encryption — Linux without
 * a keyring falls back to a hard-coded key ('basic_text'), which is no protection, so root's
 * password then stays in memory for the session instead.
 */
export function safeStorageBox(): SecretBox | undefined {
  // Platform branch: only Linux has the 'basic_text' fallback; elsewhere availability suffices.
  if (!safeStorage.isEncryptionAvailable()) return undefined
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
    return undefined
  }
  return {
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (data) => safeStorage.decryptString(data),
  }
}
