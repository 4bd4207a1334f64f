/**
 * Kubernetes values as the API server writes them to etcd: "k8s\0" + runtime.Unknown. The value is
 * built here with protobufjs's Writer, field by field as Kubernetes' generated.proto numbers them.
 */
import { Writer } from 'protobufjs/minimal.js'
import { describe, expect, it } from 'vitest'
import {
  decodeKubernetesValue,
  isEncryptedKubernetesValue,
  KUBERNETES_MAGIC,
} from '../../../src/shared/kubernetes-value'
import { fieldTreeLines, KUBERNETES_OBJECT_FIELDS } from '../../../src/shared/proto-field-tree'

const LEN = 2
const VARINT = 0
const tag = (field: number, wireType: number) => (field << 3) | wireType

/** A message of string fields (and nested messages given as bytes). */
function message(build: (w: Writer) => void): Uint8Array {
  const writer = Writer.create()
  build(writer)
  return writer.finish()
}

/** A protobuf map entry: {1: key, 2: value}. */
const mapEntry = (key: string, value: string) =>
  message((w) => w.uint32(tag(1, LEN)).string(key).uint32(tag(2, LEN)).string(value))

/** v1.ConfigMap {1 metadata: ObjectMeta, 2 data: map<string, string>}. */
function configMap(): Uint8Array {
  const created = message((w) => w.uint32(tag(1, VARINT)).int64(1_700_000_000))
  const meta = message((w) =>
    w
      .uint32(tag(1, LEN))
      .string('demo-config')
      .uint32(tag(3, LEN))
      .string('default')
      .uint32(tag(5, LEN))
      .string('6c8f1a52-3b7e-4d7a-9a55-0f3c2d1e9b10')
      .uint32(tag(6, LEN))
      .string('4242')
      .uint32(tag(8, LEN))
      .bytes(created)
      .uint32(tag(11, LEN))
      .bytes(mapEntry('app', 'web')),
  )
  return message((w) =>
    w
      .uint32(tag(1, LEN))
      .bytes(meta)
      .uint32(tag(2, LEN))
      .bytes(mapEntry('greeting', 'hello'))
      .uint32(tag(2, LEN))
      .bytes(mapEntry('mode', 'fast')),
  )
}

/** "k8s\0" + runtime.Unknown {1 TypeMeta {1 apiVersion, 2 kind}, 2 raw, 3 '', 4 ''}. */
function kubernetesValue(apiVersion: string, kind: string, raw: Uint8Array): Uint8Array {
  const typeMeta = message((w) =>
    w.uint32(tag(1, LEN)).string(apiVersion).uint32(tag(2, LEN)).string(kind),
  )
  const unknown = message((w) =>
    w
      .uint32(tag(1, LEN))
      .bytes(typeMeta)
      .uint32(tag(2, LEN))
      .bytes(raw)
      .uint32(tag(3, LEN))
      .string('')
      .uint32(tag(4, LEN))
      .string(''),
  )
  return new Uint8Array([...KUBERNETES_MAGIC, ...unknown])
}

describe('Kubernetes protobuf values', () => {
  it('decode to their kind, apiVersion, metadata and a field tree', () => {
    const raw = configMap()
    const decoded = decodeKubernetesValue(kubernetesValue('v1', 'ConfigMap', raw))
    expect(decoded).toMatchObject({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      contentEncoding: '',
      contentType: '',
      rawSize: raw.length,
      isTruncated: false,
      metadata: {
        name: 'demo-config',
        namespace: 'default',
        uid: '6c8f1a52-3b7e-4d7a-9a55-0f3c2d1e9b10',
        resourceVersion: '4242',
      },
    })
    const tree = fieldTreeLines(decoded!.fields!, KUBERNETES_OBJECT_FIELDS)
    expect(tree).toEqual({
      lines: [
        '1 metadata {',
        '  1 name: "demo-config"',
        '  3 namespace: "default"',
        '  5 uid: "6c8f1a52-3b7e-4d7a-9a55-0f3c2d1e9b10"',
        '  6 resourceVersion: "4242"',
        '  8 creationTimestamp {',
        '    1 seconds: 1700000000 (2023-11-14T22:13:20Z)',
        '  }',
        '  11 labels: "app" = "web"',
        '}',
        '2: "greeting" = "hello"',
        '2: "mode" = "fast"',
      ],
      omitted: 0,
    })
  })

  it('keep the type when the object is not protobuf, and refuse what is not Kubernetes', () => {
    const json = new TextEncoder().encode('{"kind":"Widget"}')
    expect(decodeKubernetesValue(kubernetesValue('example.com/v1', 'Widget', json))).toMatchObject({
      apiVersion: 'example.com/v1',
      kind: 'Widget',
      fields: null,
    })
    expect(decodeKubernetesValue(configMap())).toBeNull()
    expect(decodeKubernetesValue(new Uint8Array([...KUBERNETES_MAGIC, 0x0a, 0x7f]))).toBeNull()
    expect(decodeKubernetesValue(new Uint8Array(KUBERNETES_MAGIC))).toBeNull()
  })

  it('recognize values the API server encrypted at rest', () => {
    const encrypted = new TextEncoder().encode('k8s:enc:aescbc:v1:key1:\x8a\x01')
    expect(isEncryptedKubernetesValue(encrypted)).toBe(true)
    expect(decodeKubernetesValue(encrypted)).toBeNull()
    expect(isEncryptedKubernetesValue(kubernetesValue('v1', 'Pod', configMap()))).toBe(false)
  })

  it('cut long trees and count the lines left out', () => {
    const decoded = decodeKubernetesValue(kubernetesValue('v1', 'ConfigMap', configMap()))
    const tree = fieldTreeLines(decoded!.fields!, KUBERNETES_OBJECT_FIELDS, 3)
    expect(tree.lines).toHaveLength(3)
    expect(tree.omitted).toBe(9)
  })
})
