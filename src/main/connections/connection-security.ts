import { readFile } from 'node:fs/promises'
import type { ConnectionSpec } from '../../shared/connections'
import type { ClientSecurity } from '../etcd/client-security'
import { EngineError } from '../errors/engine-error'
import { readCertificateFile } from '../tls/certificate-reading'
import { readKeyFile } from '../tls/private-key-reading'

/**
 * What the engine's clients present to a connected cluster: its TLS files read the way etcd's
 * own tools read them (PEM or DER certificates, PKCS#1 / PKCS#8 / SEC1 keys; DER converted to
 * PEM, since gRPC takes PEM only) and the user with its password. A file that cannot be used is
 * CONNECTION_FILE_INVALID naming it.
 */
export async function connectionSecurity(
  spec: ConnectionSpec,
  password: string | null,
): Promise<ClientSecurity> {
  const auth =
    spec.username !== null && password !== null ? { username: spec.username, password } : null
  const files = spec.tls
  if (!files) return { tls: null, auth }
  const ca = files.caFile ? await certificatePem(spec.name, files.caFile, 'ca') : null
  const cert = files.certFile ? await certificatePem(spec.name, files.certFile, 'cert') : null
  const key = files.keyFile ? await keyPem(spec.name, files.keyFile) : null
  if ((cert === null) !== (key === null)) {
    const [file, role] =
      cert === null ? [files.keyFile!, 'key' as const] : [files.certFile!, 'cert' as const]
    throw invalid(spec.name, file, role, 'needs its pair: a client certificate goes with its key')
  }
  return {
    tls: {
      // Security: without a CA file the system's trusted CAs verify the servers (gRPC's default).
      ca: ca ?? Buffer.alloc(0),
      cert: cert ?? Buffer.alloc(0),
      key: key ?? Buffer.alloc(0),
      skipServerVerification: files.skipServerVerification === true,
    },
    auth,
  }
}

async function certificatePem(connection: string, file: string, role: 'ca' | 'cert') {
  const content = readCertificateFile(await bytesOf(connection, file, role))
  if (!content.isOk) throw invalid(connection, file, role, content.reason)
  return Buffer.from(content.pem)
}

async function keyPem(connection: string, file: string): Promise<Buffer> {
  const content = readKeyFile(await bytesOf(connection, file, 'key'))
  if (!content.isOk) throw invalid(connection, file, 'key', content.reason)
  return Buffer.from(content.pem)
}

async function bytesOf(connection: string, file: string, role: 'ca' | 'cert' | 'key') {
  try {
    return await readFile(file)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw invalid(
      connection,
      file,
      role,
      code === 'ENOENT' ? 'does not exist' : `cannot be read (${code})`,
    )
  }
}

function invalid(connection: string, file: string, role: 'ca' | 'cert' | 'key', reason: string) {
  const what = { ca: 'CA certificate', cert: 'client certificate', key: 'client key' }[role]
  return new EngineError(
    'CONNECTION_FILE_INVALID',
    `The ${what} of connection ${connection}, ${file}, ${reason}.`,
    { connection, file, role, reason },
  )
}
