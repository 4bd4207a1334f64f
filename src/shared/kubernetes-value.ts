/**
 * Kubernetes objects as the API server stores them in etcd (under --etcd-prefix, /registry/ by
 * default): the magic "k8s\0", then a runtime.Unknown message — field 1 TypeMeta {1 apiVersion,
 * 2 kind}, field 2 the object's own protobuf bytes, 3 contentEncoding, 4 contentType.
 * See k8s.io/apimachinery/pkg/runtime/serializer/protobuf and runtime/generated.proto.
 */
import { Reader } from 'protobufjs/minimal.js'
import { startsWithBytes } from './bytes'
import { decodeProtoMessage, type ProtoField } from './protobuf-fields'

/** The four bytes every protobuf-encoded Kubernetes value starts with: "k8s" and a zero byte. */
export const KUBERNETES_MAGIC = new Uint8Array([0x6b, 0x38, 0x73, 0x00])

/** The prefix of values the API server encrypted at rest ("k8s:enc:aescbc:v1:key1:…"). */
const ENCRYPTED_PREFIX = new Uint8Array([0x6b, 0x38, 0x73, 0x3a, 0x65, 0x6e, 0x63, 0x3a])

/** The ObjectMeta fields shown above the tree (every Kubernetes object's field 1). */
interface KubernetesMetadata {
  name: string | null
  namespace: string | null
  uid: string | null
  resourceVersion: string | null
}

/** A Kubernetes value decoded to its type and a field tree of the object. */
export interface KubernetesObject {
  apiVersion: string
  kind: string
  /** runtime.Unknown's contentEncoding and contentType (usually empty: protobuf). */
  contentEncoding: string
  contentType: string
  /** Size of the object's own bytes (runtime.Unknown's raw). */
  rawSize: number
  /** The object's fields decoded without a schema, or null when raw is not protobuf. */
  fields: ProtoField[] | null
  /** True when the field tree was cut (a very large object). */
  isTruncated: boolean
  metadata: KubernetesMetadata
}

/** True when the value was encrypted at rest by the API server (it cannot be decoded here). */
export function isEncryptedKubernetesValue(value: Uint8Array): boolean {
  return startsWithBytes(value, ENCRYPTED_PREFIX)
}

/**
 * The envelope of a Kubernetes value (its type and the object's bytes), without decoding the
 * object: a cheap test of whether a value is one. Null when it does not start with the magic or
 * the rest is not a runtime.Unknown.
 */
export function readKubernetesEnvelope(value: Uint8Array): KubernetesEnvelope | null {
  if (!startsWithBytes(value, KUBERNETES_MAGIC)) return null
  return readUnknown(value.subarray(KUBERNETES_MAGIC.length))
}

/** Decodes a Kubernetes value to its type and field tree; null when it is not one. */
export function decodeKubernetesValue(value: Uint8Array): KubernetesObject | null {
  const unknown = readKubernetesEnvelope(value)
  if (unknown === null) return null
  const decoded = decodeProtoMessage(unknown.raw)
  return {
    apiVersion: unknown.apiVersion,
    kind: unknown.kind,
    contentEncoding: unknown.contentEncoding,
    contentType: unknown.contentType,
    rawSize: unknown.raw.length,
    fields: decoded?.fields ?? null,
    isTruncated: decoded?.isTruncated ?? false,
    metadata: metadataOf(decoded?.fields ?? []),
  }
}

/** runtime.Unknown: the type of a Kubernetes value and the object's own bytes. */
export interface KubernetesEnvelope {
  apiVersion: string
  kind: string
  raw: Uint8Array
  contentEncoding: string
  contentType: string
}

/** runtime.Unknown by its schema; null when the bytes do not follow it. */
function readUnknown(bytes: Uint8Array): KubernetesEnvelope | null {
  const unknown: KubernetesEnvelope = {
    apiVersion: '',
    kind: '',
    raw: new Uint8Array(),
    contentEncoding: '',
    contentType: '',
  }
  try {
    const reader = new Reader(bytes)
    while (reader.pos < reader.len) {
      const tag = reader.tag()
      const wireType = tag & 7
      const field = tag >>> 3
      if (field >= 1 && field <= 4 && wireType !== 2) return null
      if (field === 1) Object.assign(unknown, readTypeMeta(reader.bytes()))
      else if (field === 2) unknown.raw = reader.bytes()
      else if (field === 3) unknown.contentEncoding = reader.stringVerify()
      else if (field === 4) unknown.contentType = reader.stringVerify()
      else reader.skipType(wireType)
    }
  } catch {
    // Cut short or not protobuf: shown as binary instead.
    return null
  }
  return unknown.kind === '' && unknown.raw.length === 0 ? null : unknown
}

function readTypeMeta(bytes: Uint8Array): { apiVersion: string; kind: string } {
  const meta = { apiVersion: '', kind: '' }
  const reader = new Reader(bytes)
  while (reader.pos < reader.len) {
    const tag = reader.tag()
    if (tag === ((1 << 3) | 2)) meta.apiVersion = reader.stringVerify()
    else if (tag === ((2 << 3) | 2)) meta.kind = reader.stringVerify()
    else reader.skipType(tag & 7)
  }
  return meta
}

/** ObjectMeta's field numbers (k8s.io/apimachinery/pkg/apis/meta/v1/generated.proto). */
const OBJECT_META_FIELDS = { name: 1, namespace: 3, uid: 5, resourceVersion: 6 } as const

/** name, namespace, uid and resourceVersion from the object's field 1 (its ObjectMeta). */
function metadataOf(fields: ProtoField[]): KubernetesMetadata {
  const meta = fields.find((f) => f.number === 1)?.value
  const inner = meta?.kind === 'message' ? meta.fields : []
  const text = (n: number): string | null => {
    const value = inner.find((f) => f.number === n)?.value
    return value?.kind === 'string' ? value.value : null
  }
  return {
    name: text(OBJECT_META_FIELDS.name),
    namespace: text(OBJECT_META_FIELDS.namespace),
    uid: text(OBJECT_META_FIELDS.uid),
    resourceVersion: text(OBJECT_META_FIELDS.resourceVersion),
  }
}
