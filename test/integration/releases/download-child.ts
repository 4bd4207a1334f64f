/**
 * Downloads a URL with the engine's downloader from another process, so that environment set for
 * that process (NODE_EXTRA_CA_CERTS for a test CA) applies. Prints the byte count.
 * Usage: tsx download-child.ts <url> <file>
 */
import { downloadFile } from '../../../src/main/releases/file-download'
import { createDispatcher } from '../../../src/main/releases/http-client'

const [url, file] = process.argv.slice(2) as [string, string]
const dispatcher = createDispatcher({})
const { bytes } = await downloadFile({
  url,
  file,
  dispatcher,
  stallTimeoutMs: 5_000,
  retry: { attempts: 1, delayMs: 0 },
  label: 'test file',
})
process.stdout.write(`${bytes}\n`)
await dispatcher.close()
