import { mkdtempSync, rmSync, rmdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { WebSocket } from 'ws'
import { rawText } from '../src/main/web/raw-text'
import type { ClusterView } from '../src/shared/cluster'
import type { EtcdDeskApi } from '../src/shared/contract'
import type { Result } from '../src/shared/result'
import { createWebSocketApi, type SocketFactory, type WebSocketApi } from '../src/shared/ws-client'
import { apiSocketUrl } from '../src/shared/ws-url'
import { startBrowserMode, type BrowserModeServer } from '../test/e2e/harness/browser-mode'
import { openPage, type OpenPage } from '../test/e2e/harness/chromium'
import { findEtcdProcesses } from '../test/helpers/etcd-processes'
import { TEST_ROOT } from '../test/helpers/test-dirs'
import { benchMembers } from './bench-support'

/** Browser mode for a UI benchmark: the server, a Node client of its API and the opened page. */
export interface UiBench {
  server: BrowserModeServer
  api: EtcdDeskApi
  /** Opens Chromium on the server's URL (once; closed by `close`). */
  openPage: () => Promise<OpenPage>
  /** Creates and starts a 1-member cluster on free ports with the system etcd. */
  createCluster: (name: string) => Promise<ClusterView>
  /** Closes the page, stops the server (SIGINT), kills stray etcd, removes every temp dir. */
  close: () => Promise<void>
}

/** The `ws` package as the client's socket; Node sends no Origin, which the server accepts. */
const nodeSockets: SocketFactory = (url, handlers) => {
  const socket = new WebSocket(url)
  socket.on('open', () => handlers.onOpen())
  socket.on('message', (data, isBinary) => {
    if (!isBinary) handlers.onMessage(rawText(data))
  })
  socket.on('close', () => handlers.onClose())
  socket.on('error', () => undefined) // 'close' follows
  return socket
}

/** The value of an API result, or an error with its code and message. */
export function valueOf<T>(result: Result<T>, what: string): T {
  if (!result.ok) throw new Error(`${what}: ${result.error.code} ${result.error.message}`)
  return result.value
}

/**
 * Starts browser mode (`npm run web`'s real entry point) offline, with its own config dir, and
 * connects a Node client to its API.
 */
export async function startUiBench(label: string): Promise<UiBench> {
  const configDir = mkdtempSync(join(tmpdir(), `etcd-desk-bench-${label}-config-`))
  const saved = { offline: process.env.ETCD_DESK_OFFLINE, config: process.env.ETCD_DESK_CONFIG_DIR }
  // The child inherits process.env; restore it at once so later benchmarks see the original.
  process.env.ETCD_DESK_OFFLINE = '1'
  process.env.ETCD_DESK_CONFIG_DIR = configDir
  let server: BrowserModeServer
  try {
    server = await startBrowserMode(`bench-${label}`)
  } catch (error) {
    rmSync(configDir, { recursive: true, force: true })
    throw error
  } finally {
    restoreEnv('ETCD_DESK_OFFLINE', saved.offline)
    restoreEnv('ETCD_DESK_CONFIG_DIR', saved.config)
  }
  const client: WebSocketApi = createWebSocketApi(apiSocketUrl(new URL(server.url)), nodeSockets)
  let page: OpenPage | null = null
  return {
    server,
    api: client.api,
    openPage: async () => (page ??= await openPage(server.url)),
    createCluster: async (name) =>
      valueOf(
        await client.api.request('cluster:create', {
          name,
          members: await benchMembers(1),
          etcdVersion: 'system',
          host: '127.0.0.1',
        }),
        `creating cluster ${name}`,
      ),
    close: async () => {
      await page?.close().catch(() => undefined)
      client.dispose()
      const code = await server.stop()
      if (code !== 0) console.error(`browser mode exited with ${code}:\n${server.stderr()}`)
      for (const leftover of findEtcdProcesses(server.dataDir)) {
        console.error(`killing leftover etcd ${leftover.pid}`)
        process.kill(leftover.pid, 'SIGKILL')
      }
      rmSync(server.dataDir, { recursive: true, force: true })
      rmSync(configDir, { recursive: true, force: true })
      try {
        rmdirSync(TEST_ROOT) // only when no other run's folder is left in it
      } catch {
        // not empty or already gone
      }
    },
  }
}

function restoreEnv(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name]
  else process.env[name] = value
}

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
