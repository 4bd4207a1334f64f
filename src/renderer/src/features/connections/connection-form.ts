import type { ConnectionSpec, ConnectionView } from '../../../../shared/connections'

/** What the connect dialog's fields hold, as typed. */
export interface ConnectionDraft {
  name: string
  endpoints: string
  useTls: boolean
  caFile: string
  certFile: string
  keyFile: string
  skipServerVerification: boolean
  username: string
  password: string
  readOnly: boolean
}

/** A new connection's fields: read-only on, as the issue of trust asks. */
export function emptyDraft(): ConnectionDraft {
  return {
    name: '',
    endpoints: '',
    useTls: false,
    caFile: '',
    certFile: '',
    keyFile: '',
    skipServerVerification: false,
    username: '',
    password: '',
    readOnly: true,
  }
}

/** A saved connection's fields (its password is never sent back: left empty, "unchanged"). */
export function draftOf(view: ConnectionView): ConnectionDraft {
  return {
    name: view.name,
    endpoints: view.endpoints.join('\n'),
    useTls: view.tls !== null,
    caFile: view.tls?.caFile ?? '',
    certFile: view.tls?.certFile ?? '',
    keyFile: view.tls?.keyFile ?? '',
    skipServerVerification: view.tls?.skipServerVerification ?? false,
    username: view.username ?? '',
    password: '',
    readOnly: view.readOnly,
  }
}

/** The spec the engine checks (endpoints one per line or comma-separated; empty fields null). */
export function specOf(draft: ConnectionDraft): ConnectionSpec {
  const orNull = (value: string) => (value.trim() === '' ? null : value.trim())
  return {
    name: draft.name.trim(),
    endpoints: draft.endpoints
      .split(/[\s,]+/)
      .map((e) => e.trim())
      .filter((e) => e !== ''),
    tls: draft.useTls
      ? {
          caFile: orNull(draft.caFile),
          certFile: orNull(draft.certFile),
          keyFile: orNull(draft.keyFile),
          skipServerVerification: draft.skipServerVerification,
        }
      : null,
    username: orNull(draft.username),
    readOnly: draft.readOnly,
  }
}

/** The password to send: typed, or undefined to keep the saved one. */
export function passwordOf(draft: ConnectionDraft): string | undefined {
  return draft.password === '' ? undefined : draft.password
}
