import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseEtcdLogLine } from '../../../src/main/logs/zap-line-parser'

const READ_AT = '2030-01-01T00:00:00.000Z'
const fixture = (name: string): string[] =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')
    .split('\n')
    .filter(Boolean)
const parse = (text: string) => parseEtcdLogLine(text, READ_AT)

describe('parseEtcdLogLine: zap JSON from etcd 3.4.23', () => {
  const lines = fixture('etcd-3.4.23-zap.log')

  it('parses every captured line into level, ISO ts, msg and the remaining fields', () => {
    expect(lines.length).toBeGreaterThan(30)
    for (const text of lines) {
      const line = parse(text)
      expect(['info', 'warn']).toContain(line.level)
      expect(line.ts).toMatch(/^2026-11-24T01:39:\d\d\.\d{3}Z$/)
      expect(line.msg.length).toBeGreaterThan(0)
      expect(line.fields).toHaveProperty('caller')
      expect(Object.keys(line.fields)).not.toEqual(expect.arrayContaining(['level']))
      expect(line.fields).not.toHaveProperty('ts')
      expect(line.fields).not.toHaveProperty('msg')
      expect(line.raw).toBe(text)
    }
  })

  it('keeps typed fields as etcd wrote them', () => {
    const start = parse(lines.find((l) => l.includes('"starting an etcd server"'))!)
    expect(start.ts).toBe('2026-11-24T01:39:07.718Z')
    expect(start.fields['etcd-version']).toBe('3.4.23')
    expect(start.fields['max-cpu-set']).toBe(2)
    expect(start.fields['listen-peer-urls']).toEqual(['http://127.0.0.1:32380'])
    const warn = parse(lines.find((l) => l.includes('simple token'))!)
    expect(warn).toMatchObject({
      level: 'warn',
      msg: 'simple token is not cryptographically signed',
    })
    expect(warn.fields).toEqual({ caller: 'auth/store.go:1380' })
  })

  it('parses the fatal line of a member whose port is taken', () => {
    const fatal = fixture('etcd-3.4.23-zap-port-in-use.log').map(parse).at(-1)!
    expect(fatal.level).toBe('fatal')
    expect(fatal.msg).toBe('discovery failed')
    expect(fatal.fields.error).toContain('address already in use')
    expect(String(fatal.fields.stacktrace)).toContain('etcdmain.Main')
  })
})

describe('parseEtcdLogLine: other zap shapes', () => {
  it('reads an epoch float ts (zap epoch encoder) as seconds', () => {
    const line = parse('{"level":"info","ts":1700000000.123,"msg":"hi"}')
    expect(line.ts).toBe('2023-11-14T22:13:20.123Z')
  })

  it('reads an ISO ts with a zone offset (etcd 3.5)', () => {
    const line = parse('{"level":"info","ts":"2022-02-09T10:14:21.672+0100","msg":"hi"}')
    expect(line.ts).toBe('2022-02-09T09:14:21.672Z')
  })

  it('falls back to the read time and info for a missing ts and an unknown level', () => {
    const line = parse('{"level":"LOUD","msg":"x","k":1}')
    expect(line).toMatchObject({ ts: READ_AT, level: 'info', msg: 'x', fields: { k: 1 } })
    expect(parse('{"level":"WARN","ts":"not a time","msg":"x"}')).toMatchObject({
      ts: READ_AT,
      level: 'warn',
    })
  })

  it('stringifies a non-string msg and tolerates a missing one', () => {
    expect(parse('{"level":"info","msg":{"a":1}}').msg).toBe('{"a":1}')
    expect(parse('{"level":"info"}').msg).toBe('')
  })

  it('parses the zap console format (3.6 --log-format console)', () => {
    const text =
      '2025-06-01T10:00:00.123456Z\tinfo\tembed/etcd.go:140\tconfiguring peer listeners\t{"listen-peer-urls": ["http://127.0.0.1:2380"]}'
    expect(parse(text)).toMatchObject({
      ts: '2025-06-01T10:00:00.123Z',
      level: 'info',
      msg: 'configuring peer listeners',
      fields: { caller: 'embed/etcd.go:140', 'listen-peer-urls': ['http://127.0.0.1:2380'] },
    })
  })

  it('strips a trailing carriage return', () => {
    expect(parse('{"level":"info","msg":"x"}\r').raw).toBe('{"level":"info","msg":"x"}')
  })
})

describe('parseEtcdLogLine: capnslog text (etcd 3.4 default logger)', () => {
  const lines = fixture('etcd-3.4.23-capnslog.log')
  const find = (part: string) => parse(lines.find((l) => l.includes(part))!)

  it('maps capnslog severities and splits off the package', () => {
    expect(find('W | auth:')).toMatchObject({
      level: 'warn',
      msg: 'simple token is not cryptographically signed',
      fields: { pkg: 'auth' },
    })
    expect(find('ready to serve client requests')).toMatchObject({
      level: 'info',
      fields: { pkg: 'embed' },
    })
    expect(find('N | pkg/osutil')).toMatchObject({ level: 'info', fields: { pkg: 'pkg/osutil' } })
    expect(parse('2026-11-24 01:39:11.1 C | etcdmain: boom').level).toBe('fatal')
    expect(parse('2026-11-24 01:39:11.1 E | etcdmain: oops').level).toBe('error')
  })

  it('reads capnslog times as local time', () => {
    const line = find('W | auth:')
    expect(line.ts).toBe(new Date(2026, 10, 24, 1, 39, 11, 730).toISOString())
  })

  it("parses raft's standard-logger lines", () => {
    const line = find('became leader at term 2')
    expect(line).toMatchObject({ level: 'info', fields: { pkg: 'raft' } })
    expect(line.msg).toBe('628170c800dbcee became leader at term 2')
  })

  it('keeps lines of no known shape as raw', () => {
    expect(find('[WARNING] Deprecated')).toMatchObject({ level: 'raw', ts: READ_AT, fields: {} })
  })
})

describe('parseEtcdLogLine: garbage and crashes', () => {
  it('keeps anything else as a raw line and never throws', () => {
    const samples = ['', 'not json', '{broken', '[1,2]', '"str"', 'null', '{', '}', '\u0000\uffff']
    for (const text of samples) {
      expect(parse(text)).toEqual({ ts: READ_AT, level: 'raw', msg: text, fields: {}, raw: text })
    }
  })

  it('survives random input', () => {
    for (let i = 0; i < 2000; i++) {
      const text = Array.from({ length: i % 80 }, () =>
        String.fromCharCode(Math.floor(Math.random() * 0x2fff)),
      ).join('')
      expect(() => parse(i % 3 === 0 ? `{${text}` : text)).not.toThrow()
    }
  })

  it('marks the first line of a Go crash', () => {
    expect(parse('panic: runtime error: index out of range').level).toBe('panic')
    expect(parse('fatal error: concurrent map writes').level).toBe('fatal')
    expect(parse('goroutine 1 [running]:').level).toBe('raw')
  })
})
