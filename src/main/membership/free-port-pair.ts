import { createServer } from 'node:net'

/** `count` distinct ports the OS hands out as free right now on `host`, none of them `taken`. */
export async function freePorts(
  host: string,
  taken: ReadonlySet<number>,
  count: number,
): Promise<number[]> {
  const ports: number[] = []
  while (ports.length < count) {
    const port = await osFreePort(host)
    if (!taken.has(port) && !ports.includes(port)) ports.push(port)
  }
  return ports
}

/** Ports for a member off the tutorial's scheme: ones the OS hands out as free right now. */
export async function freePortPair(
  host: string,
  taken: ReadonlySet<number>,
  withProxy: boolean,
): Promise<{ clientPort: number; peerPort: number; proxyPort?: number }> {
  const [clientPort, peerPort, proxyPort] = (await freePorts(host, taken, withProxy ? 3 : 2)) as [
    number,
    number,
    number?,
  ]
  return { clientPort, peerPort, ...(proxyPort === undefined ? {} : { proxyPort }) }
}

function osFreePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, host, () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}
