import type { LogLevel, LogLine } from '../../../../shared/logs'

/** Most lines the window keeps per cluster; older ones are dropped first (the engine keeps more). */
export const MAX_LOG_LINES = 20_000

/** Which lines the level filter lets through. */
export type LevelFilter = 'all' | 'info' | 'warn' | 'error'

const SEVERITY: Record<LogLevel, number> = {
  debug: 0,
  raw: 1,
  info: 1,
  warn: 2,
  error: 3,
  dpanic: 3,
  panic: 4,
  fatal: 4,
}

const MINIMUM: Record<LevelFilter, number> = { all: 0, info: 1, warn: 2, error: 3 }

/** Appends lines, keeping at most `cap` (the newest). */
export function appendCapped(
  lines: readonly LogLine[],
  more: readonly LogLine[],
  cap = MAX_LOG_LINES,
): LogLine[] {
  if (more.length === 0) return lines as LogLine[]
  const next = lines.concat(more)
  return next.length > cap ? next.slice(next.length - cap) : next
}

/**
 * Keeps only lines newer than the last seen sequence number of their member (a push can repeat
 * lines the initial fetch already returned), and records the new last sequence numbers.
 */
export function takeUnseen(lines: readonly LogLine[], lastSeq: Map<string, number>): LogLine[] {
  const fresh: LogLine[] = []
  for (const line of lines) {
    if (line.seq <= (lastSeq.get(line.member) ?? -1)) continue
    lastSeq.set(line.member, line.seq)
    fresh.push(line)
  }
  return fresh
}

/** Lines of several members in time order (ties keep each member's own order). */
export function mergeByTime(perMember: readonly (readonly LogLine[])[]): LogLine[] {
  return perMember.flat().sort((a, b) => (a.ts < b.ts ? -1 : a.ts > b.ts ? 1 : 0))
}

/** True when a line passes the member, level and text filters. */
export function matchesFilter(
  line: LogLine,
  member: string | null,
  level: LevelFilter,
  search: string,
): boolean {
  if (member !== null && line.member !== member) return false
  if (SEVERITY[line.level] < MINIMUM[level]) return false
  if (search === '') return true
  const needle = search.toLowerCase()
  return line.msg.toLowerCase().includes(needle) || line.raw.toLowerCase().includes(needle)
}

/** Extra zap fields as "key=value" text. */
export function fieldsText(fields: Record<string, unknown>): string {
  return Object.entries(fields)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' ')
}

/** One line as text for copying and saving. */
export function lineText(line: LogLine, withMember: boolean): string {
  if (line.level === 'raw') return withMember ? `[${line.member}] ${line.raw}` : line.raw
  const extra = fieldsText(line.fields)
  const head = `${line.ts} ${line.level.toUpperCase()}${withMember ? ` [${line.member}]` : ''}`
  return `${head} ${line.msg}${extra ? ` ${extra}` : ''}`
}
