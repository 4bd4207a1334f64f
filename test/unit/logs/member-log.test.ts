import { existsSync, readFileSync, statSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { MemberLog, type MemberLogOptions } from '../../../src/main/logs/member-log'
import { openMemberLogForAppend } from '../../../src/main/logs/member-log-file'
import { DataLayout } from '../../../src/main/store/data-layout'
import type { LogLine } from '../../../src/shared/logs'
import { makeTestDir } from '../../helpers/test-dirs'

/** Why 5 s: a 50 ms poll (or a watch event) delivers appended lines in milliseconds. */
const LINE_WAIT = { timeout: 5_000, interval: 10 }

/** Waits until `seen` holds `count` lines. */
const linesReach = (seen: LogLine[], count: number) =>
  vi.waitFor(() => expect(seen).toHaveLength(count), LINE_WAIT)

/** The log file of member m1 in a fresh data directory, where the engine puts it. */
const logFileIn = (label: string): string =>
  new DataLayout(makeTestDir(label)).memberLogFile('c1', 'm1')

const logs: MemberLog[] = []
afterEach(async () => {
  await Promise.all(logs.splice(0).map((l) => l.stop()))
})

function memberLog(options: Partial<MemberLogOptions> & { file: string }) {
  const errors: unknown[] = []
  const log = new MemberLog({
    member: 'm1',
    pollIntervalMs: 50,
    onError: (e) => errors.push(e),
    ...options,
  })
  logs.push(log)
  const seen: LogLine[] = []
  log.onLines((lines) => seen.push(...lines))
  return { log, seen, errors }
}

const zap = (n: number) =>
  `{"level":"info","ts":"2026-01-01T00:00:00.000Z","caller":"x.go:1","msg":"line ${n}"}`

describe('openMemberLogForAppend', () => {
  it('creates the logs folder and opens the file for appending', async () => {
    const file = logFileIn('open-log')
    expect(file.endsWith(join('members', 'm1', 'logs', 'etcd.log'))).toBe(true)
    const first = await openMemberLogForAppend(file)
    await first.write('one\n')
    await first.close()
    const second = await openMemberLogForAppend(file)
    writeSync(second.fd, 'two\n')
    await second.close()
    expect(readFileSync(file, 'utf8')).toBe('one\ntwo\n')
  })
})

describe('MemberLog', () => {
  it('reads history back, then follows new lines with increasing seq', async () => {
    const file = logFileIn('member-log')
    const handle = await openMemberLogForAppend(file)
    writeSync(handle.fd, `${zap(1)}\n${zap(2)}\n`)
    const { log, seen } = memberLog({ file })
    await log.start()
    expect(seen.map((l) => l.msg)).toEqual(['line 1', 'line 2'])
    writeSync(handle.fd, `${zap(3)}\nnot json\n`)
    await handle.close()
    await linesReach(seen, 4)
    expect(seen.map((l) => l.seq)).toEqual([1, 2, 3, 4])
    expect(seen[3]).toMatchObject({ member: 'm1', level: 'raw', msg: 'not json' })
    expect(log.since(2).map((l) => l.msg)).toEqual(['line 3', 'not json'])
    expect(log.tail(2)).toBe(`${zap(3)}\nnot json`)
    expect(log.lastSeq).toBe(4)
  })

  it('readTail() includes what was written just before, without waiting for the poll', async () => {
    const file = logFileIn('member-log-readtail')
    const { log } = memberLog({ file, pollIntervalMs: 60_000 })
    await log.start()
    const handle = await openMemberLogForAppend(file)
    writeSync(handle.fd, 'panic: boom\ngoroutine 1 [running]:\n')
    await handle.close()
    expect(await log.readTail(5)).toEqual(['panic: boom', 'goroutine 1 [running]:'])
    expect(log.tailLines(2)[0]!.level).toBe('panic')
  })

  it('rotates past maxFileBytes and keeps every line visible', async () => {
    const file = logFileIn('member-log-rotate')
    const { log, seen, errors } = memberLog({ file, maxFileBytes: 1_000, keepFiles: 2 })
    await log.start()
    const handle = await openMemberLogForAppend(file)
    for (let n = 1; n <= 60; n++) {
      writeSync(handle.fd, zap(n) + '\n')
      if (n % 10 === 0) await linesReach(seen, n) // read (and maybe rotate) between bursts
    }
    await handle.close()
    await log.rotate()
    expect(seen.map((l) => l.msg)).toEqual(Array.from({ length: 60 }, (_, i) => `line ${i + 1}`))
    expect(existsSync(`${file}.1`)).toBe(true)
    expect(existsSync(`${file}.3`)).toBe(false)
    expect(statSync(file).size).toBeLessThan(1_000)
    expect(errors).toEqual([])
  })

  it('keeps working when a listener throws', async () => {
    const file = logFileIn('member-log-throw')
    const { log, seen, errors } = memberLog({ file })
    log.onLines(() => {
      throw new Error('listener bug')
    })
    await log.start()
    const handle = await openMemberLogForAppend(file)
    writeSync(handle.fd, `${zap(1)}\n`)
    await linesReach(seen, 1)
    writeSync(handle.fd, `${zap(2)}\n`)
    await handle.close()
    await linesReach(seen, 2)
    expect(errors.length).toBeGreaterThanOrEqual(1)
  })

  it('onLines() returns an unsubscribe function', async () => {
    const file = logFileIn('member-log-unsub')
    const { log } = memberLog({ file })
    const got: LogLine[] = []
    const off = log.onLines((lines) => got.push(...lines))
    off()
    const handle = await openMemberLogForAppend(file)
    writeSync(handle.fd, `${zap(1)}\n`)
    await handle.close()
    await log.start()
    expect(log.lastSeq).toBe(1)
    expect(got).toEqual([])
  })
})
