import { leaseToHex } from '../shared/bytes'

/** A lease as etcdctl prints it: its ID in hex. */
export function leaseName(id: string): string {
  return leaseToHex(id)
}
