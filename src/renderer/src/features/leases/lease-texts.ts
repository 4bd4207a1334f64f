import { leaseToHex } from '../shared/bytes'

/** A lease as etcdctl prints it: its ID in hex. */
export function leaseName(id: string): string {
  return leaseToHex(id)
}

/** Seconds as "1 h 2 min 5 s" (short TTLs stay "42 s"). */
export function formatSeconds(total: number): string {
  if (total < 60) return `${total} s`
  const parts: string[] = []
  const days = Math.floor(total / 86_400)
  const hours = Math.floor((total % 86_400) / 3600)
  const minutes = Math.floor((total % 3600) / 60)
  const seconds = total % 60
  if (days > 0) parts.push(`${days} d`)
  if (hours > 0) parts.push(`${hours} h`)
  if (minutes > 0) parts.push(`${minutes} min`)
  if (seconds > 0 && days === 0) parts.push(`${seconds} s`)
  return parts.join(' ')
}
