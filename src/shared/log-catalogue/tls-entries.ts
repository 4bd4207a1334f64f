import type { CatalogueEntry } from '../log-explanations'
import { ETCD_DOCS } from './etcd-docs'

/**
 * TLS errors Go and etcd print (ETCD-OPS-FACTS §1), most specific first: "bad certificate" comes
 * after the x509 reasons because a line can carry both (a reason nested in a client's error).
 */
export const TLS_ENTRIES: readonly CatalogueEntry[] = [
  {
    id: 'tls-expired',
    topic: 'tls',
    docsUrl: ETCD_DOCS.security,
    pattern:
      /x509: certificate has expired or is not yet valid|remote error: tls: expired certificate/,
  },
  {
    id: 'tls-unknown-authority',
    topic: 'tls',
    docsUrl: ETCD_DOCS.security,
    pattern:
      /x509: certificate signed by unknown authority|remote error: tls: unknown certificate authority/,
  },
  {
    id: 'tls-san-mismatch',
    topic: 'tls',
    docsUrl: ETCD_DOCS.security,
    pattern:
      /x509: certificate is valid for .+, not |x509: cannot validate certificate for \S+ because it doesn't contain any IP SANs|x509: certificate is not valid for any names|x509: certificate relies on legacy Common Name field|does not match any of DNSNames/,
  },
  {
    id: 'tls-incompatible-usage',
    topic: 'tls',
    docsUrl: ETCD_DOCS.security,
    pattern: /x509: certificate specifies an incompatible key usage/,
  },
  {
    id: 'tls-certificate-required',
    topic: 'tls',
    docsUrl: ETCD_DOCS.security,
    pattern: /tls: client didn't provide a certificate|tls: certificate required/,
  },
  {
    id: 'tls-bad-certificate',
    topic: 'tls',
    docsUrl: ETCD_DOCS.security,
    pattern: /remote error: tls: bad certificate/,
  },
  {
    id: 'tls-plain-http',
    topic: 'tls',
    docsUrl: ETCD_DOCS.security,
    pattern:
      /tls: first record does not look like a TLS handshake|server gave HTTP response to HTTPS client|client sent an HTTP request to an HTTPS server/,
  },
  {
    id: 'tls-key-mismatch',
    topic: 'tls',
    docsUrl: ETCD_DOCS.security,
    pattern: /tls: private key does not match public key/,
  },
  {
    id: 'tls-not-pem',
    topic: 'tls',
    docsUrl: ETCD_DOCS.security,
    pattern: /tls: failed to find any PEM data in \w+ input|tls: failed to find "[^"]*" PEM block/,
  },
  {
    id: 'tls-http-ignores-certificates',
    topic: 'tls',
    docsUrl: ETCD_DOCS.security,
    pattern:
      /scheme is HTTP while (key and cert files are present|--peer-client-cert-auth is enabled)/,
  },
]
