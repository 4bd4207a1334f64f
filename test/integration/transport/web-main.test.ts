import { spawn, type ChildProcess } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { createWebSocketApi } from '../../../src/shared/ws-client'
import { freeSpec } from '../../helpers/engine-fixture'
import { findEtcdProcesses } from '../../helpers/etcd-processes'
import { freePort } from '../../helpers/free-port'
import { makeTestDir } from '../../helpers/test-dirs'
import { makeFakeUi, nodeSocketFactory } from './transport-fixtures'

const entry = fileURLToPath(new URL('../../../src/main/web/web-main.ts', import.meta.url))
const tsx = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url))

let child: ChildProcess | null = null
afterEach(() => {
  if (child?.pid && child.exitCode === null) {
    try {
      process.kill(-child.pid, 'SIGKILL')
    } catch {
      child.kill('SIGKILL')
    }
  }
  child = null
})

/** Resolves with the first stdout line of the child. */
function firstLine(proc: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = ''
    proc.stdout!.on('data', (chunk: Buffer) => {
      text += chunk.toString()
      const end = text.indexOf('\n')
      if (end >= 0) resolve(text.slice(0, end))
    })
    proc.once('exit', (code) => reject(new Error(`web-main exited with ${code} before printing`)))
  })
}

describe('npm run web entry (web-main.ts)', () => {
  it('prints exactly the URL line, serves the contract, and stops its clusters on SIGINT', async () => {
    const port = await freePort()
    const dataDir = makeTestDir('web-main')
    const args = [
      entry,
      '--port',
      String(port),
      '--data-dir',
      dataDir,
      '--renderer-dir',
      makeFakeUi(),
    ]
    let stderr = ''
    // Own process group, so the test can signal it the way a terminal's Ctrl-C does.
    child = spawn(tsx, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true })
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()))
    const line = await firstLine(child)
    expect(line).toMatch(
      new RegExp(
        `^etcd Desk browser mode: http://127\\.0\\.0\\.1:${port}/\\?token=[A-Za-z0-9_-]{43}$`,
      ),
    )
    const token = new URL(line.slice(line.indexOf('http'))).searchParams.get('token')!

    const client = createWebSocketApi(
      `ws://127.0.0.1:${port}/api?token=${token}`,
      nodeSocketFactory(),
    )
    const created = await client.api.request('cluster:create', await freeSpec('from-web', 1))
    expect(created).toMatchObject({ ok: true, value: { state: 'running' } })
    expect(findEtcdProcesses(dataDir)).toHaveLength(1)

    const exited = new Promise<number | null>((r) => child!.once('exit', (code) => r(code)))
    process.kill(-child.pid!, 'SIGINT')
    expect(await exited).toBe(0)
    client.dispose()
    expect(findEtcdProcesses(dataDir)).toEqual([])
    expect(stderr).toContain('etcd Desk: stopped.')
    expect(stderr).not.toContain('forced exit')
  })

  it('refuses to start without a built UI, saying where it looked', async () => {
    const empty = makeTestDir('no-ui')
    const dataDir = makeTestDir('web-main-no-ui')
    const args = [entry, '--port', '0', '--data-dir', dataDir, '--renderer-dir', empty]
    child = spawn(tsx, args, { stdio: ['ignore', 'pipe', 'pipe'] })
    let stderr = ''
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()))
    const code = await new Promise<number | null>((r) => child!.once('exit', (c) => r(c)))
    expect(code).toBe(1)
    expect(stderr).toContain(`--renderer-dir ${empty} holds no built UI (index.html).`)
    expect(readdirSync(dataDir)).toEqual([]) // refused before the engine opened
  })

  it('refuses bad arguments with a usage message and exit code 2', async () => {
    child = spawn(tsx, [entry, '--port', '99999'], { stdio: ['ignore', 'pipe', 'pipe'] })
    let stderr = ''
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()))
    const code = await new Promise<number | null>((r) => child!.once('exit', (c) => r(c)))
    expect(code).toBe(2)
    expect(stderr).toContain('--port must be a number from 0 to 65535')
    expect(stderr).toContain('Usage: npm run web')
  })
})
