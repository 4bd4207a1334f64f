import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { MemberLog, type MemberLogOptions } from '../../../src/main/logs/member-log'
import { memberLogFile, openMemberLogForAppend } from '../../../src/main/logs/member-log-file'
import { rotatedLogPath } from '../../../src/main/logs/log-rotation'
import { freePorts } from '../../helpers/free-port'
import { makeTestDir } from '../../helpers/test-dirs'
import { waitUntil } from '../../unit/logs/wait-until'

const children: ChildProcess[] = []
const logs: MemberLog[] = []

/** Starts a one-member etcd whose stdout and stderr go to `file`, as the engine's spawner does. */
async function startEtcd(dir: string, file: string): Promise<{ child: ChildProcess; url: string }> {
  const [clientPort, peerPort] = await freePorts(2)
  const url = `http://127.0.0.1:${clientPort}`
  const peer = `http://127.0.0.1:${peerPort}`
  const handle = await openMemberLogForAppend(file)
  const child = spawn(
    process.env.ETCD_BIN ?? 'etcd',
    [
      '--name=m1',
      `--data-dir=${join(dir, 'data')}`,
      `--listen-client-urls=${url}`,
      `--advertise-client-urls=${url}`,
      `--listen-peer-urls=${peer}`,
      `--initial-advertise-peer-urls=${peer}`,
      `--initial-cluster=m1=${peer}`,
      '--initial-cluster-token=logs-test',
      '--logger=zap',
      '--log-outputs=stderr',
    ],
    { stdio: ['ignore', handle.fd, handle.fd] },
  )
  children.push(child)
  await handle.close() // the child holds its own copy of the fd
  return { child, url }
}

function follow(options: Partial<MemberLogOptions> & { file: string }) {
  const errors: unknown[] = []
  const log = new MemberLog({ member: 'm1', onError: (e) => errors.push(e), ...options })
  logs.push(log)
  return { log, errors }
}

const hasMsg = (log: MemberLog, part: string) => log.since(0).some((l) => l.msg.includes(part))
const countMsg = (log: MemberLog, part: string) =>
  log.since(0).filter((l) => l.msg.includes(part)).length
const fileLines = (path: string) =>
  existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter(Boolean) : []

/** Each defragment makes etcd 3.4 write four zap lines (about 1 KB). */
async function defragment(url: string): Promise<void> {
  const res = await fetch(`${url}/v3/maintenance/defragment`, { method: 'POST', body: '{}' })
  expect(res.ok).toBe(true)
}

async function stopEtcd(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.kill(signal)
  await exited
}

afterEach(async () => {
  await Promise.all(logs.splice(0).map((l) => l.stop()))
})

afterAll(async () => {
  await Promise.all(children.map((c) => stopEtcd(c, 'SIGKILL')))
})

describe('MemberLog with a real etcd', () => {
  it('sees the lines of a member it started before the log file existed', async () => {
    const dir = makeTestDir('logs-live')
    const file = memberLogFile(dir)
    const { log, errors } = follow({ file })
    await log.start()
    const { child } = await startEtcd(dir, file)
    await waitUntil(() => hasMsg(log, 'serving client traffic'), 'the serving line', 20_000)
    expect(hasMsg(log, 'published local member')).toBe(true)
    const lines = log.since(0)
    expect(lines.map((l) => l.seq)).toEqual(lines.map((_, i) => i + 1))
    const start = lines.find((l) => l.msg === 'starting an etcd server')!
    expect(start).toMatchObject({ member: 'm1', level: 'info' })
    expect(start.fields['etcd-version']).toMatch(/^3\./)
    expect(start.ts).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
    expect(lines.filter((l) => l.level === 'raw')).toEqual([])

    await stopEtcd(child, 'SIGTERM')
    const tail = await log.readTail(3)
    expect(tail.some((t) => t.includes('closed etcd server'))).toBe(true)
    expect(errors).toEqual([])
  })

  it('rotates while etcd writes, keeps later lines visible, and a new log reads history back', async () => {
    const dir = makeTestDir('logs-rotate')
    const file = memberLogFile(dir)
    const maxFileBytes = 4_096
    const { log, errors } = follow({ file, maxFileBytes, keepFiles: 3, pollIntervalMs: 200 })
    await log.start()
    const { child, url } = await startEtcd(dir, file)
    await waitUntil(() => hasMsg(log, 'serving client traffic'), 'the serving line', 20_000)
    // Paced: rotation happens after a read, so each read should see about 1 KB.
    for (let i = 1; i <= 30; i++) {
      await defragment(url)
      await waitUntil(() => countMsg(log, 'finished defragment') === i, `defragment ${i}`)
    }
    await log.rotate()

    // The first lines are now only in memory; the kept files hold the newest lines, in order.
    expect(existsSync(rotatedLogPath(file, 3))).toBe(true)
    expect(existsSync(rotatedLogPath(file, 4))).toBe(false)
    expect(fileLines(rotatedLogPath(file, 3)).join('\n')).not.toContain('starting an etcd server')
    const onDisk = [3, 2, 1].flatMap((n) => fileLines(rotatedLogPath(file, n)))
    onDisk.push(...fileLines(file))
    const inRing = log.since(0).map((l) => l.raw)
    expect(inRing.slice(-onDisk.length)).toEqual(onDisk)
    expect(hasMsg(log, 'starting an etcd server')).toBe(true)
    expect(statSync(file).size).toBeLessThan(maxFileBytes)
    expect(errors).toEqual([])

    // A new MemberLog (say, after an app restart) reads back etcd.log.1 and etcd.log, then follows.
    await log.stop()
    const expected = [...fileLines(rotatedLogPath(file, 1)), ...fileLines(file)].slice(-12)
    const restarted = follow({ file, ringSize: 12, pollIntervalMs: 200 })
    await restarted.log.start()
    expect(restarted.log.since(0).map((l) => l.raw)).toEqual(expected)
    expect(expected.length).toBeGreaterThan(fileLines(file).length) // etcd.log.1 contributed
    const seqAfterHistory = restarted.log.lastSeq
    expect(seqAfterHistory).toBe(expected.length)
    await defragment(url)
    await waitUntil(() => restarted.log.lastSeq === seqAfterHistory + 4, 'four live lines')
    expect(restarted.log.tail(1)).toContain('finished defragment')
    expect(restarted.errors).toEqual([])
    await stopEtcd(child, 'SIGKILL')
  })
})
