import { join } from 'node:path'
import type { MemberTlsFiles } from '../cluster/etcd-flags'
import type { DataLayout } from '../store/data-layout'

/** Where a TLS cluster's certificates live: `<cluster>/tls/`, owner-only. */
export interface TlsFiles {
  dir: string
  ca: string
  caKey: string
  /** The engine's own client certificate (health checks, status, keys, probe). */
  engineCert: string
  engineKey: string
  /** The client certificate for the user's etcdctl (the Commands tab names these files). */
  etcdctlCert: string
  etcdctlKey: string
  /** A member's server and peer certificates, by its folder. */
  member(folder: string): MemberTlsFiles
}

/** The certificate files of one cluster. */
export function tlsFilesOf(layout: DataLayout, cluster: string): TlsFiles {
  const dir = join(layout.clusterDir(cluster), 'tls')
  return {
    dir,
    ca: join(dir, 'ca.crt'),
    caKey: join(dir, 'ca.key'),
    engineCert: join(dir, 'clients', 'etcd-desk.crt'),
    engineKey: join(dir, 'clients', 'etcd-desk.key'),
    etcdctlCert: join(dir, 'clients', 'etcdctl.crt'),
    etcdctlKey: join(dir, 'clients', 'etcdctl.key'),
    member: (folder) => ({
      ca: join(dir, 'ca.crt'),
      serverCert: join(dir, 'members', folder, 'server.crt'),
      serverKey: join(dir, 'members', folder, 'server.key'),
      peerCert: join(dir, 'members', folder, 'peer.crt'),
      peerKey: join(dir, 'members', folder, 'peer.key'),
    }),
  }
}

/** etcdctl's TLS flags for a cluster: its CA, and the client certificate made for etcdctl. */
export function etcdctlTlsArgs(files: TlsFiles): string[] {
  return [`--cacert=${files.ca}`, `--cert=${files.etcdctlCert}`, `--key=${files.etcdctlKey}`]
}
