/**
 * The download thread's entry: runs downloadFile for the engine thread, one request per message,
 * and answers with progress, the byte count or the error. See download-thread.ts for why.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { EngineError } from '../errors/engine-error'
import type {
  DownloadThreadData,
  FromDownloadThread,
  ThreadError,
  ToDownloadThread,
} from './download-thread-protocol'
import { downloadFile } from './file-download'
import { createDispatcher } from './http-client'

/**
 * Why 50 ms: the progress meter keeps one speed sample per 50 ms and emits every 150 ms, so more
 * messages would only cost thread hops; the final count is always sent.
 */
const BYTES_EVERY_MS = 50

const port = parentPort!
const dispatcher = createDispatcher((workerData as DownloadThreadData).proxyEnv)
const running = new Map<number, AbortController>()

port.on('message', (message: ToDownloadThread) => {
  if (message.type === 'cancel') return running.get(message.id)?.abort()
  const { id, request } = message
  const controller = new AbortController()
  running.set(id, controller)
  let sentAt = -Infinity
  const send = (reply: FromDownloadThread): void => port.postMessage(reply)
  downloadFile({
    ...request,
    dispatcher,
    signal: controller.signal,
    onBytes: (received, total) => {
      const now = performance.now()
      if (now - sentAt < BYTES_EVERY_MS) return
      sentAt = now
      send({ type: 'bytes', id, received, total })
    },
  })
    .then(
      ({ bytes }) => send({ type: 'done', id, bytes }),
      (error: unknown) => send({ type: 'failed', id, error: toThreadError(error) }),
    )
    .finally(() => running.delete(id))
})

function toThreadError(error: unknown): ThreadError {
  if (error instanceof EngineError) {
    return { name: error.name, message: error.message, code: error.code, detail: error.detail }
  }
  const { name, message } = error instanceof Error ? error : new Error(String(error))
  const code = (error as { code?: unknown }).code
  return { name, message, code: typeof code === 'string' ? code : undefined }
}
