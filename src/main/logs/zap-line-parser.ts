import type { LogLevel, LogLine } from '../../shared/logs'

/** A parsed line before the ring gives it a member and a sequence number. */
export type ParsedLine = Omit<LogLine, 'seq' | 'member'>

const ZAP_LEVELS: Record<string, LogLevel> = {
  debug: 'debug',
  info: 'info',
  warn: 'warn',
  warning: 'warn',
  error: 'error',
  dpanic: 'dpanic',
  panic: 'panic',
  fatal: 'fatal',
}

// capnslog severities (C=critical, E, W, N=notice, I, D, T=trace); etcd's Fatal/Panic log at C.
const CAPNSLOG_LEVELS: Record<string, LogLevel> = {
  C: 'fatal',
  E: 'error',
  W: 'warn',
  N: 'info',
  I: 'info',
  D: 'debug',
  T: 'debug',
}

// 3.4 capnslog: `2026-11-24 01:39:11.726926 I | etcdserver: message` (local time, no zone).
const CAPNSLOG_RE = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)(?:\.(\d+))? ([CEWNIDT]) \| (.*)$/
// 3.4 raft with capnslog: `raft2026/11/24 01:39:11 INFO: message` (Go's standard logger).
const RAFT_STD_RE = /^raft(\d{4})\/(\d\d)\/(\d\d) (\d\d):(\d\d):(\d\d) ([A-Z]+): (.*)$/
// 3.6 `--log-format console`: ts, level, caller, msg, then an optional JSON object, tab-separated.
const ZAP_CONSOLE_RE = /^(\d{4}-\d\d-\d\dT[^\t]+)\t([a-zA-Z]+)\t([^\t]*)\t([^\t]*)(?:\t(\{.*\}))?$/
const CAPNSLOG_PKG_RE = /^([\w./-]+): (.*)$/
// Go runtime output on a crash: `panic: …` or `fatal error: …` opens the stack dump.
const GO_CRASH_RE = /^(panic|fatal error): /

/**
 * Parses one line of etcd output (zap JSON, zap console, capnslog text or anything else).
 * Never throws: unknown text becomes a 'raw' line. `readAt` is the ts used when the line has none.
 */
export function parseEtcdLogLine(text: string, readAt: string): ParsedLine {
  const raw = text.endsWith('\r') ? text.slice(0, -1) : text
  return (
    parseZapJson(raw, readAt) ??
    parseCapnslog(raw) ??
    parseRaftStd(raw) ??
    parseZapConsole(raw, readAt) ??
    parseOther(raw, readAt)
  )
}

function parseZapJson(raw: string, readAt: string): ParsedLine | undefined {
  if (!raw.startsWith('{')) return undefined
  let value: unknown
  try {
    value = JSON.parse(raw)
  } catch {
    return undefined
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined
  const { level, ts, msg, ...fields } = value as Record<string, unknown>
  return {
    ts: zapTimeToIso(ts) ?? readAt,
    level: zapLevel(level),
    msg: typeof msg === 'string' ? msg : msg === undefined ? '' : JSON.stringify(msg),
    fields,
    raw,
  }
}

function parseCapnslog(raw: string): ParsedLine | undefined {
  const m = CAPNSLOG_RE.exec(raw)
  if (!m) return undefined
  const [, y = '', mo = '', d = '', h = '', mi = '', s = '', frac = '', sev = '', rest = ''] = m
  const ms = Number((frac + '000').slice(0, 3))
  const pkg = CAPNSLOG_PKG_RE.exec(rest)
  return {
    ts: localTimeToIso([y, mo, d, h, mi, s], ms),
    level: CAPNSLOG_LEVELS[sev] ?? 'info',
    msg: pkg?.[2] ?? rest,
    fields: pkg ? { pkg: pkg[1] } : {},
    raw,
  }
}

function parseRaftStd(raw: string): ParsedLine | undefined {
  const m = RAFT_STD_RE.exec(raw)
  if (!m) return undefined
  const [, y = '', mo = '', d = '', h = '', mi = '', s = '', level = '', msg = ''] = m
  return {
    ts: localTimeToIso([y, mo, d, h, mi, s], 0),
    level: zapLevel(level),
    msg,
    fields: { pkg: 'raft' },
    raw,
  }
}

function parseZapConsole(raw: string, readAt: string): ParsedLine | undefined {
  const m = ZAP_CONSOLE_RE.exec(raw)
  if (!m) return undefined
  const [, ts = '', level = '', caller = '', msg = '', json] = m
  if (ZAP_LEVELS[level.toLowerCase()] === undefined) return undefined
  let extra: Record<string, unknown> = {}
  try {
    const parsed: unknown = json ? JSON.parse(json) : {}
    if (typeof parsed === 'object' && parsed !== null) extra = parsed as Record<string, unknown>
  } catch {
    extra = { fields: json }
  }
  return {
    ts: zapTimeToIso(ts) ?? readAt,
    level: zapLevel(level),
    msg,
    fields: { caller, ...extra },
    raw,
  }
}

function parseOther(raw: string, readAt: string): ParsedLine {
  const crash = GO_CRASH_RE.exec(raw)
  const level: LogLevel = crash ? (crash[1] === 'panic' ? 'panic' : 'fatal') : 'raw'
  return { ts: readAt, level, msg: raw, fields: {}, raw }
}

function zapLevel(level: unknown): LogLevel {
  if (typeof level !== 'string') return 'info'
  return ZAP_LEVELS[level.toLowerCase()] ?? 'info'
}

/** zap writes ISO8601 strings by default, or epoch numbers with the epoch encoders. */
function zapTimeToIso(ts: unknown): string | undefined {
  let date: Date
  if (typeof ts === 'string') date = new Date(ts)
  else if (typeof ts === 'number') date = new Date(epochToMs(ts))
  else return undefined
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString()
}

/** Guesses the unit of an epoch number from its size (s, ms, µs or ns since 1970). */
function epochToMs(n: number): number {
  if (n < 1e11) return n * 1000
  if (n < 1e14) return n
  if (n < 1e17) return n / 1e3
  return n / 1e6
}

/** capnslog and Go's standard logger print the machine's local time without a zone. */
function localTimeToIso(parts: string[], ms: number): string {
  const [y = 0, mo = 1, d = 1, h = 0, mi = 0, s = 0] = parts.map(Number)
  // The regexes admit only 4-digit years and 2-digit parts, so the Date is always valid.
  return new Date(y, mo - 1, d, h, mi, s, ms).toISOString()
}
