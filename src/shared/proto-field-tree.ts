/**
 * A schema-less protobuf message as indented lines of text ("1 metadata {", "  1 name: "demo"")
 * for the value viewer: always plain text, capped in lines and in the length of each value.
 */
import type { ProtoField, ProtoValue } from './protobuf-fields'

/** Names known for some field numbers (a guess from a convention, not from a schema). */
export interface FieldNames {
  [number: number]: { name: string; fields?: FieldNames; isUnixSeconds?: boolean }
}

/** Most lines of a field tree; the rest is counted. */
const MAX_TREE_LINES = 2_000

/** Longest string shown in full; longer ones are cut with "…". */
const MAX_STRING_CHARS = 300

/** Bytes of a bytes value shown as hex. */
const MAX_HEX_BYTES = 32

/** metav1.Time: seconds since the epoch, and nanos. */
const TIME_FIELDS: FieldNames = {
  1: { name: 'seconds', isUnixSeconds: true },
  2: { name: 'nanos' },
}

/** ObjectMeta (k8s.io/apimachinery/pkg/apis/meta/v1/generated.proto). */
const OBJECT_META_FIELDS: FieldNames = {
  1: { name: 'name' },
  2: { name: 'generateName' },
  3: { name: 'namespace' },
  4: { name: 'selfLink' },
  5: { name: 'uid' },
  6: { name: 'resourceVersion' },
  7: { name: 'generation' },
  8: { name: 'creationTimestamp', fields: TIME_FIELDS },
  9: { name: 'deletionTimestamp', fields: TIME_FIELDS },
  10: { name: 'deletionGracePeriodSeconds' },
  11: { name: 'labels' },
  12: { name: 'annotations' },
  13: { name: 'ownerReferences' },
  14: { name: 'finalizers' },
  17: { name: 'managedFields' },
}

/** Every Kubernetes object keeps its ObjectMeta in field 1; its other fields depend on the kind. */
export const KUBERNETES_OBJECT_FIELDS: FieldNames = {
  1: { name: 'metadata', fields: OBJECT_META_FIELDS },
}

/** The tree's lines (at most `maxLines`) and how many more there were. */
export interface FieldTreeText {
  lines: string[]
  omitted: number
}

/** Formats decoded fields as indented lines; `names` labels the field numbers it knows. */
export function fieldTreeLines(
  fields: ProtoField[],
  names: FieldNames = {},
  maxLines = MAX_TREE_LINES,
): FieldTreeText {
  const lines: string[] = []
  let omitted = 0
  const emit = (line: string) => {
    if (lines.length < maxLines) lines.push(line)
    else omitted++
  }
  const walk = (list: ProtoField[], known: FieldNames | undefined, indent: string) => {
    for (const field of list) {
      const hint = known?.[field.number]
      const label = hint ? `${field.number} ${hint.name}` : String(field.number)
      const { value } = field
      if (value.kind !== 'message') {
        emit(`${indent}${label}: ${scalarText(value, hint?.isUnixSeconds === true)}`)
        continue
      }
      const entry = known === undefined || !hint?.fields ? mapEntryText(value.fields) : null
      if (entry !== null) {
        emit(`${indent}${label}: ${entry}`)
        continue
      }
      emit(`${indent}${label} {`)
      walk(value.fields, hint?.fields, `${indent}  `)
      emit(`${indent}}`)
    }
  }
  walk(fields, names, '')
  return { lines, omitted }
}

/**
 * A protobuf map entry ({1: key, 2: value}, how maps such as labels or a ConfigMap's data are
 * encoded) as `"key" = value`; null for any other message.
 */
function mapEntryText(fields: ProtoField[]): string | null {
  const [key, value] = fields
  if (fields.length !== 2 || key?.number !== 1 || value?.number !== 2) return null
  if (key.value.kind !== 'string' || value.value.kind === 'message') return null
  return `${scalarText(key.value, false)} = ${scalarText(value.value, false)}`
}

function scalarText(value: Exclude<ProtoValue, { kind: 'message' }>, isUnixSeconds: boolean) {
  switch (value.kind) {
    case 'string': {
      const shown =
        value.value.length > MAX_STRING_CHARS
          ? `${value.value.slice(0, MAX_STRING_CHARS)}…`
          : value.value
      return JSON.stringify(shown)
    }
    case 'varint':
      return varintText(value.value, isUnixSeconds)
    case 'fixed64':
      return `${value.value} (fixed64)`
    case 'fixed32':
      return `${value.value} (fixed32)`
    case 'bytes': {
      const head = Array.from(value.value.subarray(0, MAX_HEX_BYTES), (b) =>
        b.toString(16).padStart(2, '0'),
      ).join(' ')
      return `bytes (${value.value.length} B) ${head}${value.value.length > MAX_HEX_BYTES ? ' …' : ''}`
    }
  }
}

/** A varint as unsigned decimal, with its int64 reading when negative and a date for timestamps. */
function varintText(decimal: string, isUnixSeconds: boolean): string {
  const unsigned = BigInt(decimal)
  if (unsigned >= 1n << 63n) return `${decimal} (int64 ${unsigned - (1n << 64n)})`
  if (isUnixSeconds && unsigned < 253_402_300_800n) {
    return `${decimal} (${new Date(Number(unsigned) * 1000).toISOString().replace('.000Z', 'Z')})`
  }
  return decimal
}
