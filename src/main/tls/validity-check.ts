import type { X509Certificate } from 'node:crypto'
import type { CertificateFinding } from '../../shared/certificates'
import { notAfterOf, notBeforeOf } from './certificate-summary'

/**
 * How early an ending certificate is reported. Why 30 days: renewing means issuing new files and
 * restarting every member once; a month leaves room to do it on a calm day.
 */
const EXPIRES_SOON_DAYS = 30
const DAY_MS = 24 * 60 * 60 * 1000

const GO_VALIDITY_ERROR = '"x509: certificate has expired or is not yet valid"'

/** Whether the certificate is valid at `now`, and whether it ends soon. `isCa` words the effect. */
export function validityFindings(
  certificate: X509Certificate,
  file: string,
  now: Date,
  isCa: boolean,
): CertificateFinding[] {
  const notBefore = notBeforeOf(certificate)
  const notAfter = notAfterOf(certificate)
  const remedy = isCa
    ? `Make a new CA and issue every certificate it signed again.`
    : `Issue a new one from the same CA.`
  if (now.getTime() > notAfter.getTime())
    return [
      {
        code: 'EXPIRED',
        severity: 'error',
        file,
        message: `${file} expired on ${dateText(notAfter)}; ${isCa ? 'every certificate it signed is refused' : 'every TLS connection that uses it fails'} with ${GO_VALIDITY_ERROR}. ${remedy}`,
      },
    ]
  if (now.getTime() < notBefore.getTime())
    return [
      {
        code: 'NOT_YET_VALID',
        severity: 'error',
        file,
        message: `${file} is valid only from ${dateText(notBefore)}; until then connections fail with ${GO_VALIDITY_ERROR}. Check this computer's clock, or issue it again.`,
      },
    ]
  const daysLeft = Math.floor((notAfter.getTime() - now.getTime()) / DAY_MS)
  if (daysLeft < EXPIRES_SOON_DAYS)
    return [
      {
        code: 'EXPIRES_SOON',
        severity: 'warning',
        file,
        message: `${file} expires in ${daysLeft === 1 ? '1 day' : `${daysLeft} days`} (${dateText(notAfter)}); after that connections fail with ${GO_VALIDITY_ERROR}. ${remedy}`,
      },
    ]
  return []
}

/** "2026-12-01 10:55 UTC". */
function dateText(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`
}
