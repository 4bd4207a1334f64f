/** Converts a hex member id (as etcdctl prints it, and as statuses carry it) to etcd3's decimal. */
export function toDecimalId(hex: string): string {
  if (!/^[0-9a-f]{1,16}$/i.test(hex)) throw new Error(`not a hex member id: ${JSON.stringify(hex)}`)
  return BigInt(`0x${hex}`).toString(10)
}

export { toHexId } from '../status/status-mapping'
