/**
 * Generic protobuf wire-format decoding without a schema (what `protoc --decode_raw` does): field
 * numbers with varint, fixed and length-delimited values; a length-delimited value is shown as a
 * nested message when it parses as one, as a string when it is printable UTF-8, else as bytes.
 * The wire format itself is read with protobufjs's Reader (varints, tags, lengths, bounds checks).
 */
import { Reader } from 'protobufjs/minimal.js'
import { decodeText } from './bytes'

/** Deepest nesting tried as a message; deeper values stay strings or bytes. */
const MAX_DEPTH = 12

/**
 * Most fields read in one decoding, tried nested messages included: a value of a few MiB decodes
 * in milliseconds and a hostile one cannot make the window spin.
 */
const MAX_FIELDS_READ = 50_000

/** One decoded value, by how it was read. */
export type ProtoValue =
  | { kind: 'varint'; value: string }
  | { kind: 'fixed64'; value: string }
  | { kind: 'fixed32'; value: number }
  | { kind: 'string'; value: string }
  | { kind: 'bytes'; value: Uint8Array }
  | { kind: 'message'; fields: ProtoField[] }

/** One field of a message: its number and value (a repeated field appears once per value). */
export interface ProtoField {
  number: number
  value: ProtoValue
}

/** A message decoded without its schema. */
export interface DecodedMessage {
  fields: ProtoField[]
  /** True when decoding stopped at MAX_FIELDS_READ: the fields after that are missing. */
  isTruncated: boolean
}

/** Wire types of the protobuf encoding (groups, 3 and 4, are deprecated and not decoded). */
const WIRE_VARINT = 0
const WIRE_FIXED64 = 1
const WIRE_LENGTH_DELIMITED = 2
const WIRE_FIXED32 = 5

interface Budget {
  fieldsLeft: number
  isExhausted: boolean
}

/** Decodes bytes as a protobuf message, or null when they are not one (or hold no field). */
export function decodeProtoMessage(bytes: Uint8Array): DecodedMessage | null {
  const budget: Budget = { fieldsLeft: MAX_FIELDS_READ, isExhausted: false }
  const fields = readFields(bytes, 0, budget)
  if (fields === null || fields.length === 0) return null
  return { fields, isTruncated: budget.isExhausted }
}

/**
 * The fields of a message, or null when the bytes are not a valid message. When the budget runs
 * out, the outermost message keeps what it read so far; nested attempts give up (shown as bytes).
 */
function readFields(bytes: Uint8Array, depth: number, budget: Budget): ProtoField[] | null {
  const reader = new Reader(bytes)
  const fields: ProtoField[] = []
  try {
    while (reader.pos < reader.len) {
      if (budget.fieldsLeft <= 0) {
        budget.isExhausted = true
        return depth === 0 ? fields : null
      }
      budget.fieldsLeft--
      const tag = reader.tag()
      const number = tag >>> 3
      if (number === 0) return null
      const value = readValue(reader, tag & 7, depth, budget)
      if (value === null) return null
      fields.push({ number, value })
    }
  } catch {
    // Not a message (a varint or length running past the end): the caller tries text or bytes.
    return null
  }
  return fields
}

function readValue(
  reader: Reader,
  wireType: number,
  depth: number,
  budget: Budget,
): ProtoValue | null {
  switch (wireType) {
    case WIRE_VARINT:
      return { kind: 'varint', value: decimal(reader.uint64()) }
    case WIRE_FIXED64:
      return { kind: 'fixed64', value: decimal(reader.fixed64()) }
    case WIRE_FIXED32:
      return { kind: 'fixed32', value: reader.fixed32() }
    case WIRE_LENGTH_DELIMITED:
      return classify(reader.bytes(), depth + 1, budget)
    default:
      return null
  }
}

/**
 * A length-delimited value as the likeliest of its readings. One line of printable text is text
 * (a short string often parses as a message too: "hi" is field 13 = 105); otherwise a message when
 * it parses as one; then text with line breaks; then bytes.
 */
function classify(bytes: Uint8Array, depth: number, budget: Budget): ProtoValue {
  const text = decodeText(bytes)
  if (text !== null && !/[\t\n\r]/.test(text)) return { kind: 'string', value: text }
  if (depth <= MAX_DEPTH) {
    const fields = readFields(bytes, depth, budget)
    if (fields !== null && fields.length > 0) return { kind: 'message', fields }
  }
  if (text !== null) return { kind: 'string', value: text }
  // A plain Uint8Array view: the Reader hands out Buffer slices when it was given a Buffer.
  return { kind: 'bytes', value: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length) }
}

/**
 * A 64-bit value from the Reader as an unsigned decimal: a Long (protobufjs with `long`), or a
 * number where the bundle has no Long (exact up to 2^53).
 */
function decimal(value: { toString(radix?: number): string } | number): string {
  return typeof value === 'number' ? String(value) : value.toString(10)
}
