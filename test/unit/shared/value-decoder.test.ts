/**
 * The value viewer's decoders without a screen: schema-less protobuf fields, JSON pretty-printing
 * and which decoder (label) a value opens with.
 */
import { Writer } from 'protobufjs/minimal.js'
import { describe, expect, it } from 'vitest'
import { KUBERNETES_MAGIC } from '../../../src/shared/kubernetes-value'
import { fieldTreeLines } from '../../../src/shared/proto-field-tree'
import { decodeProtoMessage } from '../../../src/shared/protobuf-fields'
import { prettyJson, valueDecoderOf, type ValueDecoder } from '../../../src/shared/value-decoder'

const utf8 = (text: string) => new TextEncoder().encode(text)

describe('schema-less protobuf fields', () => {
  it('reads varints, fixed values, strings, bytes and nested messages', () => {
    const nested = Writer.create()
      .uint32((1 << 3) | 0)
      .uint32(7)
      .finish()
    const bytes = Writer.create()
      .uint32((1 << 3) | 0)
      .int64(-1)
      .uint32((2 << 3) | 1)
      .fixed64(42)
      .uint32((3 << 3) | 5)
      .fixed32(9)
      .uint32((4 << 3) | 2)
      .string('hi')
      .uint32((5 << 3) | 2)
      .bytes(new Uint8Array([0xff, 0x00, 0xfe]))
      .uint32((6 << 3) | 2)
      .bytes(nested)
      .finish()
    const decoded = decodeProtoMessage(bytes)
    expect(decoded).toEqual({
      isTruncated: false,
      fields: [
        { number: 1, value: { kind: 'varint', value: '18446744073709551615' } },
        { number: 2, value: { kind: 'fixed64', value: '42' } },
        { number: 3, value: { kind: 'fixed32', value: 9 } },
        // "hi" also parses as a message (field 13 = 105): one line of text wins.
        { number: 4, value: { kind: 'string', value: 'hi' } },
        { number: 5, value: { kind: 'bytes', value: new Uint8Array([0xff, 0x00, 0xfe]) } },
        {
          number: 6,
          value: {
            kind: 'message',
            fields: [{ number: 1, value: { kind: 'varint', value: '7' } }],
          },
        },
      ],
    })
    expect(fieldTreeLines(decoded!.fields).lines).toEqual([
      '1: 18446744073709551615 (int64 -1)',
      '2: 42 (fixed64)',
      '3: 9 (fixed32)',
      '4: "hi"',
      '5: bytes (3 B) ff 00 fe',
      '6 {',
      '  1: 7',
      '}',
    ])
  })

  it('refuses bytes that are not a message, and stops at its budget on huge ones', () => {
    expect(decodeProtoMessage(utf8('plain text'))).toBeNull()
    expect(decodeProtoMessage(new Uint8Array([0x0a, 0x10, 0x01]))).toBeNull()
    expect(decodeProtoMessage(new Uint8Array())).toBeNull()
    const huge = Writer.create()
    for (let i = 0; i < 60_000; i++) huge.uint32((1 << 3) | 0).uint32(i)
    const decoded = decodeProtoMessage(huge.finish())
    expect(decoded?.isTruncated).toBe(true)
    expect(decoded?.fields).toHaveLength(50_000)
  })
})

describe('JSON values', () => {
  it('are pretty-printed with two spaces', () => {
    expect(prettyJson(utf8('{"a":1,"b":[true,null]}'))).toBe(
      '{\n  "a": 1,\n  "b": [\n    true,\n    null\n  ]\n}',
    )
    expect(prettyJson(utf8('{"a":'))).toBeNull()
    expect(prettyJson(new Uint8Array([0xff]))).toBeNull()
  })
})

describe('the decoder a value opens with', () => {
  const kubernetes = new Uint8Array([
    ...KUBERNETES_MAGIC,
    ...Writer.create()
      .uint32((1 << 3) | 2)
      .bytes(
        Writer.create()
          .uint32((2 << 3) | 2)
          .string('Pod')
          .finish(),
      )
      .finish(),
  ])
  const cases: [string, Uint8Array, ValueDecoder][] = [
    ['a Kubernetes protobuf value', kubernetes, 'kubernetes'],
    ['a JSON object', utf8(' {"replicas": 3}'), 'json'],
    ['a JSON array', utf8('[1, 2]'), 'json'],
    ['a bare JSON number (reads better as text)', utf8('42'), 'text'],
    ['broken JSON', utf8('{"a":'), 'text'],
    ['UTF-8 text', utf8('héllo\nworld'), 'text'],
    ['bytes that are not UTF-8', new Uint8Array([0xde, 0xad, 0xbe, 0xef]), 'binary'],
    ['the magic alone', new Uint8Array(KUBERNETES_MAGIC), 'binary'],
  ]
  it.each(cases)('%s → %s', (_, value, decoder) => {
    expect(valueDecoderOf(value)).toBe(decoder)
  })
})
