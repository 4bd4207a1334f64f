import type { Etcd3 } from 'etcd3'

/**
 * One LeaseKeepAlive through one client; resolves with the TTL etcd granted (0: a lease it does
 * not hold). Why a deadline on the stream: it has none by default, and a hung or paused member
 * never answers.
 */
export async function renewLeaseOnce(
  client: Etcd3,
  id: string,
  deadlineMs: number,
): Promise<number> {
  const stream = await client.leaseClient.leaseKeepAlive({ deadline: Date.now() + deadlineMs })
  try {
    return await new Promise<number>((resolve, reject) => {
      stream.on('data', (response: { TTL: string }) => resolve(Number(response.TTL)))
      stream.on('error', reject)
      stream.write({ ID: id })
    })
  } finally {
    stream.end()
  }
}
