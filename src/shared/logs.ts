/** Severity of a log line as etcd's zap logger writes it (raw lines have none). */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'dpanic' | 'panic' | 'fatal' | 'raw'

/** One parsed line of a member's output. */
export interface LogLine {
  /** Increasing per member, so a window can ask for "everything after N". */
  seq: number
  member: string
  /** ISO time from etcd, or the time the engine read the line. */
  ts: string
  level: LogLevel
  msg: string
  /** Other zap fields, as etcd wrote them. */
  fields: Record<string, unknown>
  /** The line as written, for raw (non-JSON) output and copying. */
  raw: string
}

/** Lines pushed to the window together. */
export interface LogBatch {
  cluster: string
  lines: LogLine[]
}
