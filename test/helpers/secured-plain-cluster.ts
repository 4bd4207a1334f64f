import 'reflect-metadata'
import { execFile } from 'node:child_process'
import { X509Certificate } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { createCertificateAuthority, issueLeaf } from '../../src/main/tls/certificate-factory'
import { startPlainCluster, type PlainCluster } from './plain-cluster'
import { makeTestDir } from './test-dirs'

const run = promisify(execFile)

/** The files a user would bring for a cluster etcd Desk did not create. */
interface SecuredClusterFiles {
  ca: string
  /** The same CA in DER. */
  caDer: string
  /** A CA that did not sign the servers' certificates. */
  otherCa: string
  cert: string
  key: string
}

/** A 3-member etcd the test starts itself, with mutual TLS on the client port and auth on. */
export interface SecuredCluster {
  cluster: PlainCluster
  files: SecuredClusterFiles
  rootPassword: string
  /** etcdctl as root with the client certificate; returns stdout. */
  etcdctl(...args: string[]): Promise<string>
  stop(): Promise<void>
}

/**
 * Starts 3 plain members with their own CA (mutual TLS for clients), creates root with
 * `rootPassword`, turns authentication on, and writes `/team/config = hello`.
 */
export async function startSecuredCluster(label: string): Promise<SecuredCluster> {
  const dir = makeTestDir(`${label}-files`)
  const ca = await createCertificateAuthority('their CA')
  const other = await createCertificateAuthority('some other CA')
  const server = await issueLeaf(ca, {
    commonName: 'etcd',
    use: 'server',
    ips: ['127.0.0.1'],
    dnsNames: ['localhost'],
  })
  const client = await issueLeaf(ca, { commonName: 'root', use: 'client' })
  const write = (name: string, data: string | Buffer) => {
    writeFileSync(join(dir, name), data)
    return join(dir, name)
  }
  const files: SecuredClusterFiles = {
    ca: write('ca.crt', ca.cert),
    caDer: write('ca.der', new X509Certificate(ca.cert).raw),
    otherCa: write('other.crt', other.cert),
    cert: write('client.crt', client.cert),
    key: write('client.key', client.key),
  }
  const cluster = await startPlainCluster(3, label, undefined, {
    caFile: files.ca,
    serverCertFile: write('server.crt', server.cert),
    serverKeyFile: write('server.key', server.key),
    client: {
      ca: Buffer.from(ca.cert),
      cert: Buffer.from(client.cert),
      key: Buffer.from(client.key),
    },
  })
  const etcdctl = async (...args: string[]) => {
    const { stdout } = await run(
      cluster.etcd.etcdctl,
      [
        `--endpoints=${cluster.endpoints.join(',')}`,
        `--cacert=${files.ca}`,
        `--cert=${files.cert}`,
        `--key=${files.key}`,
        ...args,
      ],
      { env: { ...process.env, ETCDCTL_API: '3' }, timeout: 20_000 },
    )
    return stdout
  }
  const rootPassword = 'root-secret-1'
  await etcdctl('user', 'add', 'root', `--new-user-password=${rootPassword}`)
  await etcdctl('auth', 'enable')
  await etcdctl(`--user=root:${rootPassword}`, 'put', '/team/config', 'hello')
  return { cluster, files, rootPassword, etcdctl, stop: () => cluster.stop() }
}
