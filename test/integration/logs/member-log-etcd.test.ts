import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'
import { MemberLog, type MemberLogOptions } from '../../../src/main/logs/member-log'
import { openMemberLogForAppend } from '../../../src/main/logs/member-log-file'
import { rotatedLogPath } from '../../../src/main/logs/log-rotation'
import { DataLayout } from '../../../src/main/store/data-layout'
import { testEtcdLines, type TestEtcd } from '../../helpers/etcd-versions'
import { freePorts } from '../../helpers/free-port'
import { makeTestDir } from '../../helpers/test-dirs'

const children: ChildProcess[] = []
const logs: MemberLog[] = []

/** Why 20 s: etcd is serving in well under a second; leave room for a busy CI box. */
const START_WAIT = { timeout: 20_000, interval: 20 }
/** Why 5 s: a line etcd writes reaches the ring within one poll (200 ms here) or a watch event. */
const LINE_WAIT = { timeout: 5_000, interval: 20 }

/** A member's paths, from the layout the engine itself uses. */
function memberPaths(label: string): { file: string; dataDir: string } {
  const layout = new DataLayout(makeTestDir(label))
  return {
    file: layout.memberLogFile('logs', 'm1'),
    dataDir: layout.memberDataDir('logs', 'm1'),
  }
}

/** Starts a one-member etcd whose stdout and stderr go to `file`, as the engine's spawner does. */
async function startEtcd(
  etcd: TestEtcd,
  paths: { file: string; dataDir: string },
): Promise<{ child: ChildProcess; url: string }> {
  const [clientPort, peerPort] = await freePorts(2)
  const url = `http://127.0.0.1:${clientPort}`
  const peer = `http://127.0.0.1:${peerPort}`
  const handle = await openMemberLogForAppend(paths.file)
  const child = spawn(
    etcd.etcd,
    [
      '--name=m1',
      `--data-dir=${paths.dataDir}`,
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
const countExact = (log: MemberLog, msg: string) => log.since(0).filter((l) => l.msg === msg).length
const fileLines = (path: string) =>
  existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter(Boolean) : []

/** Each defragment makes etcd write a few zap lines, one of them "finished defragment" (~1 KB). */
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

describe.each(testEtcdLines())('MemberLog with a real etcd $version', (etcd) => {
  it('sees the lines of a member it started before the log file existed', async () => {
    const paths = memberPaths('logs-live')
    const { log, errors } = follow({ file: paths.file })
    await log.start()
    const { child } = await startEtcd(etcd, paths)
    await vi.waitFor(() => expect(hasMsg(log, 'serving client traffic')).toBe(true), START_WAIT)
    expect(hasMsg(log, 'published local member')).toBe(true)
    const lines = log.since(0)
    expect(lines.map((l) => l.seq)).toEqual(lines.map((_, i) => i + 1))
    const start = lines.find((l) => l.msg === 'starting an etcd server')!
    expect(start).toMatchObject({ member: 'm1', level: 'info' })
    expect(start.fields['etcd-version']).toBe(etcd.version)
    expect(start.ts).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
    expect(lines.filter((l) => l.level === 'raw')).toEqual([])

    await stopEtcd(child, 'SIGTERM')
    const tail = await log.readTail(3)
    expect(tail.some((t) => t.includes('closed etcd server'))).toBe(true)
    expect(errors).toEqual([])
  })

  it('rotates while etcd writes, keeps later lines visible, and a new log reads history back', async () => {
    const paths = memberPaths('logs-rotate')
    const { file } = paths
    const maxFileBytes = 4_096
    const { log, errors } = follow({ file, maxFileBytes, keepFiles: 3, pollIntervalMs: 200 })
    await log.start()
    const { child, url } = await startEtcd(etcd, paths)
    await vi.waitFor(() => expect(hasMsg(log, 'serving client traffic')).toBe(true), START_WAIT)
    // Paced: rotation happens after a read, so each read should see about 1 KB.
    for (let i = 1; i <= 30; i++) {
      await defragment(url)
      await vi.waitFor(() => expect(countExact(log, 'finished defragment')).toBe(i), LINE_WAIT)
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
    const linesBefore = fileLines(file).length
    await defragment(url)
    // Every line etcd wrote for it reaches the ring, in order, with the next seq numbers.
    await vi.waitFor(() => {
      const live = fileLines(file).slice(linesBefore)
      expect(live.some((raw) => raw.includes('"msg":"finished defragment"'))).toBe(true)
      expect(restarted.log.since(seqAfterHistory).map((l) => [l.seq, l.raw])).toEqual(
        live.map((raw, i) => [seqAfterHistory + i + 1, raw]),
      )
    }, LINE_WAIT)
    expect(restarted.errors).toEqual([])
    await stopEtcd(child, 'SIGKILL')
  })
})
