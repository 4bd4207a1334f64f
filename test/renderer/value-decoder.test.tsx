/**
 * The value viewer says which decoder shows a value: Kubernetes protobuf (with the object's type
 * and field tree), JSON (pretty-printed), text or binary; switching the display switches it.
 */
import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { Writer } from 'protobufjs/minimal.js'
import { describe, expect, it, vi } from 'vitest'
import { createKeyEventHub } from '../../src/renderer/src/features/keys/key-event-hub'
import { ValueViewer } from '../../src/renderer/src/features/keys/value-viewer'
import { KUBERNETES_MAGIC } from '../../src/shared/kubernetes-value'
import { FakeApi, ok } from './fake-api'
import { bytes, keyEntry, renderWithApi } from './fixtures'

const LEN = 2
const tag = (field: number) => (field << 3) | LEN

/** "k8s\0" + runtime.Unknown of a v1 ConfigMap named demo in default, data {greeting: hello}. */
function configMapValue(): Uint8Array {
  const meta = Writer.create().uint32(tag(1)).string('demo').uint32(tag(3)).string('default')
  const entry = Writer.create().uint32(tag(1)).string('greeting').uint32(tag(2)).string('hello')
  const raw = Writer.create()
    .uint32(tag(1))
    .bytes(meta.finish())
    .uint32(tag(2))
    .bytes(entry.finish())
  const typeMeta = Writer.create().uint32(tag(1)).string('v1').uint32(tag(2)).string('ConfigMap')
  const unknown = Writer.create()
    .uint32(tag(1))
    .bytes(typeMeta.finish())
    .uint32(tag(2))
    .bytes(raw.finish())
  return new Uint8Array([...KUBERNETES_MAGIC, ...unknown.finish()])
}

function showValue(key: string, value: Uint8Array) {
  const api = new FakeApi({ 'keys:get': () => ok(keyEntry(key, value)) })
  renderWithApi(
    <ValueViewer
      cluster="demo"
      keyBytes={bytes(key)}
      hub={createKeyEventHub()}
      onEdit={vi.fn()}
      onDelete={vi.fn()}
    />,
    api,
  )
}

describe('the value viewer decoder', () => {
  it('decodes a Kubernetes protobuf value to its kind, apiVersion and field tree', async () => {
    showValue('/registry/configmaps/default/demo', configMapValue())
    expect(await screen.findByText('Decoder: Kubernetes protobuf')).toBeInTheDocument()
    const type = screen.getByLabelText('Kubernetes object')
    expect(within(type).getByText('ConfigMap')).toBeInTheDocument()
    expect(within(type).getByText('v1')).toBeInTheDocument()
    expect(within(type).getByText('default')).toBeInTheDocument()
    expect(screen.getByLabelText('Field tree').textContent).toBe(
      [
        '1 metadata {',
        '  1 name: "demo"',
        '  3 namespace: "default"',
        '}',
        '2: "greeting" = "hello"',
      ].join('\n'),
    )
    expect(screen.getByRole('button', { name: 'Kubernetes' })).toHaveAttribute(
      'aria-pressed',
      'true',
    )
    await userEvent.click(screen.getByRole('button', { name: 'Hex' }))
    expect(screen.getByText('Decoder: binary')).toBeInTheDocument()
    expect(screen.getByLabelText('Contents')).toHaveTextContent('6b 38 73 00')
  })

  it('pretty-prints JSON and says so; Text switches the decoder', async () => {
    showValue('app/config', bytes('{"replicas":3,"tags":["a"]}'))
    expect(await screen.findByText('Decoder: JSON')).toBeInTheDocument()
    expect(screen.getByLabelText('Contents').textContent).toBe(
      '{\n  "replicas": 3,\n  "tags": [\n    "a"\n  ]\n}',
    )
    await userEvent.click(screen.getByRole('button', { name: 'Text' }))
    expect(screen.getByText('Decoder: text')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Kubernetes' })).toBeNull()
  })

  it('labels text and binary values', async () => {
    showValue('app/greeting', bytes('hello'))
    expect(await screen.findByText('Decoder: text')).toBeInTheDocument()
  })

  it('labels binary values, and says when Kubernetes encrypted one at rest', async () => {
    const encrypted = new Uint8Array([...bytes('k8s:enc:aescbc:v1:key1:'), 0x8f, 0x00, 0xff])
    showValue('/registry/secrets/default/token', encrypted)
    expect(await screen.findByText('Decoder: binary')).toBeInTheDocument()
    expect(screen.getByText(/Encrypted at rest by the Kubernetes API server/)).toBeInTheDocument()
  })
})
