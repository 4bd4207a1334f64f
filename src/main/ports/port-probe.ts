import { createServer } from 'node:net'

/** Why a port cannot be used, from a bind test. */
export type PortProbe = { free: true } | { free: false; reason: string }

/** Tries to bind host:port exactly as etcd would; the socket is closed again at once. */
export function probePort(host: string, port: number): Promise<PortProbe> {
  return new Promise((resolve) => {
    const server = createServer()
    server.once('error', (error: NodeJS.ErrnoException) => {
      resolve({ free: false, reason: error.code ?? error.message })
    })
    // Why exclusive: without it, Node cluster workers could share the port and hide a clash.
    server.listen({ host, port, exclusive: true }, () => {
      server.close(() => resolve({ free: true }))
    })
  })
}
