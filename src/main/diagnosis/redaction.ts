/**
 * Security: a diagnosis bundle is meant to be attached to a public bug report, so every text that
 * goes into it passes through here. Nothing the engine writes should hold a secret, but logs
 * carry what other code chose to log: this is the last line of defence, not the only one.
 */

/** What replaces a removed secret. */
export const REDACTED = '<redacted>'

/** A PEM private key block of any kind (PKCS#8, PKCS#1 "RSA", SEC1 "EC", encrypted). */
const PRIVATE_KEY_BLOCK =
  /-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY-----[\s\S]*?-----END \1PRIVATE KEY-----/g

/** A JSON field whose name says it holds a secret, with a string value. */
const SECRET_JSON_FIELD =
  /("(?:[A-Za-z_]*(?:password|passphrase|secret|privateKey)[A-Za-z_]*)"\s*:\s*)"(?:[^"\\]|\\.)*"/gi

/** Browser mode's access token in a URL (`?token=…`), which lets anyone drive etcd Desk. */
const URL_TOKEN = /([?&#]token=)[^&\s"']+/g

/** Removes private keys, secret-named JSON fields, access tokens and each of `secrets` from `text`. */
export function redact(text: string, secrets: readonly string[] = []): string {
  let clean = text
    .replace(PRIVATE_KEY_BLOCK, `${REDACTED} private key`)
    .replace(SECRET_JSON_FIELD, `$1"${REDACTED}"`)
    .replace(URL_TOKEN, `$1${REDACTED}`)
  // Known secrets (root's password) go wherever they appear, also outside a "password" field.
  for (const secret of secrets) {
    // Why 4: blanking every "a" of a one-letter value would ruin the text and hide nothing.
    if (secret.length >= 4) clean = clean.split(secret).join(REDACTED)
  }
  return clean
}

/** A copy of a JSON value without the fields whose names say they hold a secret. */
export function withoutSecretFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecretFields)
  if (value === null || typeof value !== 'object') return value
  const kept: Record<string, unknown> = {}
  for (const [key, field] of Object.entries(value)) {
    if (/password|passphrase|secret|privatekey/i.test(key)) continue
    kept[key] = withoutSecretFields(field)
  }
  return kept
}
