import { createServer } from 'node:net'

/** Ports for a member off the tutorial's scheme: ones the OS hands out as free right now. */
export async function freePortPair(
  host: string,
  taken: ReadonlySet<number>,
  withProxy: boolean,
): Promise<{ clientPort: number; peerPort: number; proxyPort?: number }> {
  const ports: number[] = []
  while (ports.length < (withProxy ? 3 : 2)) {
    const port = await osFreePort(host)
    if (!taken.has(port) && !ports.includes(port)) ports.push(port)
  }
  const [clientPort, peerPort, proxyPort] = ports as [number, number, number?]
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
