import { z } from 'zod'
import { decodeBase64, encodeBase64 } from '../../shared/base64'
import {
  EXPORT_FORMAT,
  EXPORT_FORMAT_VERSION,
  type ExportHeader,
  type ExportLine,
} from '../../shared/transfer'
import { EngineError } from '../errors/engine-error'
import type { NumberedLine } from './jsonl-lines'

/** One key of an import file, decoded. */
export interface ImportEntry {
  key: Uint8Array
  value: Uint8Array
  /** The exported lease: its old ID (to group keys that shared it) and the TTL it had left. */
  lease?: { id: string; ttl: number }
  /** The line it came from. */
  line: number
}

const decimal = z.string().regex(/^\d{1,19}$/)

const headerSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.number().int().min(1),
  cluster: z.string().max(200),
  revision: decimal,
  prefix: z.string(),
  count: z.number().int().min(0),
  exportedAt: z.string().max(100),
})

const lineSchema = z.object({
  key: z.string().min(1),
  value: z.string(),
  lease: z.object({ id: decimal, ttl: z.number().int().min(1) }).optional(),
  createRevision: decimal.optional(),
  modRevision: decimal.optional(),
})

/** A line of JSON Lines: the object as one line, newline included. */
export function jsonLine(value: ExportHeader | ExportLine): string {
  return `${JSON.stringify(value)}\n`
}

/** The key line of one key. */
export function keyLine(
  key: Uint8Array,
  value: Uint8Array,
  extra: Omit<ExportLine, 'key' | 'value'> = {},
): string {
  return jsonLine({ key: encodeBase64(key), value: encodeBase64(value), ...extra })
}

function invalid(file: string, line: number, reason: string): EngineError<'IMPORT_FILE_INVALID'> {
  return new EngineError('IMPORT_FILE_INVALID', `${file} line ${line}: ${reason}.`, {
    file,
    line,
    reason,
  })
}

function parseJson(file: string, line: NumberedLine): unknown {
  try {
    return JSON.parse(line.text) as unknown
  } catch {
    throw invalid(file, line.number, 'not a JSON object')
  }
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0]
  return issue ? `${issue.path.join('.') || 'line'}: ${issue.message}` : 'not valid'
}

/** Parses and checks the header line (the file's first line). */
export function parseHeader(file: string, line: NumberedLine | undefined): ExportHeader {
  if (!line) throw invalid(file, 1, 'the file is empty')
  const parsed = headerSchema.safeParse(parseJson(file, line))
  if (!parsed.success) {
    throw invalid(file, line.number, `not an etcd Desk export header (${firstIssue(parsed.error)})`)
  }
  const header = parsed.data
  if (header.version > EXPORT_FORMAT_VERSION) {
    throw invalid(
      file,
      line.number,
      `format version ${header.version} is newer than this etcd Desk reads (${EXPORT_FORMAT_VERSION})`,
    )
  }
  decodeField(file, line.number, 'prefix', header.prefix)
  return { ...header, format: EXPORT_FORMAT }
}

/** Parses and decodes one key line. */
export function parseKeyLine(file: string, line: NumberedLine): ImportEntry {
  const parsed = lineSchema.safeParse(parseJson(file, line))
  if (!parsed.success) throw invalid(file, line.number, firstIssue(parsed.error))
  const { key, value, lease } = parsed.data
  const entry: ImportEntry = {
    key: decodeField(file, line.number, 'key', key),
    value: decodeField(file, line.number, 'value', value),
    line: line.number,
  }
  if (entry.key.length === 0) throw invalid(file, line.number, 'the key is empty')
  return lease ? { ...entry, lease } : entry
}

function decodeField(file: string, line: number, field: string, text: string): Uint8Array {
  try {
    return decodeBase64(text)
  } catch (error) {
    throw invalid(file, line, `${field} is not base64 (${(error as Error).message})`)
  }
}
