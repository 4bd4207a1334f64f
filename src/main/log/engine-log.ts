import { basename, dirname } from 'node:path'
import { Writable } from 'node:stream'
import { pino, type Logger } from 'pino'
import { createStream, type RotatingFileStream } from 'rotating-file-stream'

/** The engine's logger (pino): `log.warn({ cluster, err }, 'what failed')`; children add context. */
export type EngineLog = Logger

/** Why 5 MB × 3 files: a few weeks of an engine's warnings and start-ups, never a disk hog. */
const ROTATE_SIZE = '5M'
const ROTATE_KEEP = 3

/** Where the engine log goes. */
export interface EngineLogOptions {
  /** The rotating file (`<dataDir>/engine.log`); rotated to engine.log.1 … .3. */
  file?: string
  /** Also write to stderr (browser mode, where the terminal is the user's console). */
  stderr?: boolean
  /** Default 'info'; ETCD_DESK_LOG_LEVEL overrides. */
  level?: string
}

/** An open engine log and how to flush and close it. */
export interface OpenEngineLog {
  log: EngineLog
  /** Flushes what was written and closes the file. */
  close(): Promise<void>
}

/** Opens the engine log: JSON lines with ISO times, to a rotating file and/or stderr. */
export function openEngineLog(options: EngineLogOptions): OpenEngineLog {
  const file = options.file ? rotatingFile(options.file) : null
  const level = process.env.ETCD_DESK_LOG_LEVEL ?? options.level ?? 'info'
  // Each stream takes every level the logger lets through (multistream defaults to info).
  const streams: { stream: NodeJS.WritableStream; level: string }[] = []
  if (file) streams.push({ stream: file, level })
  if (options.stderr) streams.push({ stream: process.stderr, level })
  if (streams.length === 0) streams.push({ stream: discard(), level })
  const log = pino(
    {
      level,
      timestamp: pino.stdTimeFunctions.isoTime,
      // Why labels: people read this file ("warn"), not only tools (40).
      formatters: { level: (label) => ({ level: label }) },
      base: { pid: process.pid },
    },
    pino.multistream(streams),
  )
  return {
    log,
    close: () =>
      new Promise<void>((resolve) => {
        if (!file) return resolve()
        // Why wait for 'finish': the last lines (a failed stop at quit) must reach the file.
        file.end(() => resolve())
      }),
  }
}

/** A logger that drops everything: for code that runs without an engine (one-off tools, units). */
export function silentLog(): EngineLog {
  return pino({ enabled: false })
}

function rotatingFile(path: string): RotatingFileStream {
  const stream = createStream(basename(path), {
    path: dirname(path),
    size: ROTATE_SIZE,
    rotate: ROTATE_KEEP,
  })
  // Never swallowed, never fatal: a log that cannot be written is reported where it still can be.
  stream.on('error', (error: Error) => {
    process.stderr.write(`etcd Desk: the engine log ${path} cannot be written: ${error.message}\n`)
  })
  return stream
}

function discard(): Writable {
  return new Writable({ write: (_chunk, _encoding, done) => done() })
}
