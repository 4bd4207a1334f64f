import type { KVClient } from 'etcd3'
import { EngineError } from '../errors/engine-error'
import { toEngineError } from './etcd-error-mapping'
import { prefixRange, printableKey, toBuffer } from './key-bytes'
import { BULK_DELETE_DEADLINE_MS, PUT_OVERHEAD_BYTES } from './key-limits'
import { checkKey, checkPrefix, checkRevision } from './key-validation'

/** Options of a put. */
export interface PutOptions {
  /** Only write when the key's mod revision is this; '0' means "only if the key does not exist". */
  expectModRevision?: string
}

/** Writes and deletes keys through etcd3's low-level KV client. */
export class KeyWriter {
  constructor(
    private readonly kv: KVClient,
    private readonly endpoints: readonly string[],
    private readonly maxRequestBytes: number,
  ) {}

  /** Puts a value; with expectModRevision as a compare-and-swap Txn. Returns the new revision. */
  async put(
    key: Uint8Array,
    value: Uint8Array,
    options: PutOptions = {},
  ): Promise<{ revision: string }> {
    checkKey(key)
    if (!(value instanceof Uint8Array)) {
      throw new EngineError('INVALID_REQUEST', 'value must be a byte array')
    }
    checkRevision(options.expectModRevision, 'expectModRevision')
    const isCas = options.expectModRevision !== undefined
    this.checkSize(key, value, isCas)
    const sizes = { valueBytes: value.length, keyBytes: key.length }
    const extra = { ...sizes, maxRequestBytes: this.maxRequestBytes }
    const context = { endpoints: this.endpoints, operation: 'put', key, isWrite: true, extra }
    try {
      if (!isCas) {
        const response = await this.kv.put({ key: toBuffer(key), value: toBuffer(value) })
        return { revision: response.header.revision }
      }
      return await this.compareAndPut(key, value, options.expectModRevision as string)
    } catch (error) {
      throw toEngineError(error, context)
    }
  }

  /** Deletes one key; `deleted` is 0 when it did not exist. */
  async delete(key: Uint8Array): Promise<{ deleted: number }> {
    checkKey(key)
    try {
      const response = await this.kv.deleteRange({ key: toBuffer(key) })
      return { deleted: Number(response.deleted) }
    } catch (error) {
      throw toEngineError(error, {
        endpoints: this.endpoints,
        operation: 'delete',
        key,
        isWrite: true,
      })
    }
  }

  /** Deletes every key under `prefix` with one DeleteRange; an empty prefix needs `all: true`. */
  async deletePrefix(
    prefix: Uint8Array,
    options: { all?: boolean } = {},
  ): Promise<{ deleted: number }> {
    checkPrefix(prefix)
    if (prefix.length === 0 && options.all !== true) {
      throw new EngineError(
        'INVALID_REQUEST',
        'Refusing to delete every key: an empty prefix needs an explicit { all: true }.',
      )
    }
    const range = prefixRange(prefix)
    try {
      const response = await this.kv.deleteRange(
        { key: toBuffer(range.key), range_end: toBuffer(range.rangeEnd) },
        // Why: one raft entry can delete 100k+ keys; see BULK_DELETE_DEADLINE_MS.
        { deadline: Date.now() + BULK_DELETE_DEADLINE_MS },
      )
      return { deleted: Number(response.deleted) }
    } catch (error) {
      const context = { endpoints: this.endpoints, operation: 'delete', key: prefix, isWrite: true }
      throw toEngineError(error, context)
    }
  }

  /**
   * Puts only if the key's mod revision is `expected`. etcd3 retries a call whose connection
   * broke, so a Txn that landed but whose answer was lost is sent again and then fails its
   * compare; when the key holds exactly our value at a later revision, that is our write (or one
   * with the same bytes) and counts as success rather than a false KEY_CONFLICT.
   */
  private async compareAndPut(
    key: Uint8Array,
    value: Uint8Array,
    expected: string,
  ): Promise<{ revision: string }> {
    const keyBuffer = toBuffer(key)
    const valueBuffer = toBuffer(value)
    const response = await this.kv.txn({
      // A missing key compares as mod_revision 0, so '0' means "must not exist".
      compare: [{ key: keyBuffer, target: 'Mod', result: 'Equal', mod_revision: expected }],
      success: [{ request_put: { key: keyBuffer, value: valueBuffer } }],
      failure: [{ request_range: { key: keyBuffer, limit: 1 } }],
    })
    if (response.succeeded) return { revision: response.header.revision }
    const found = response.responses[0]?.response_range?.kvs[0]
    const current = found?.mod_revision ?? '0'
    if (found && BigInt(current) > BigInt(expected) && valueBuffer.equals(found.value)) {
      return { revision: current }
    }
    throw new EngineError(
      'KEY_CONFLICT',
      `${printableKey(key)} changed: expected mod revision ${expected}, it is ${current}.`,
      { key: printableKey(key), expectedModRevision: expected, currentModRevision: current },
    )
  }

  /** etcd refuses a raft entry above --max-request-bytes; say so before sending it. */
  private checkSize(key: Uint8Array, value: Uint8Array, isCas: boolean): void {
    // A compare-and-swap carries the key twice (compare and put).
    const estimated = key.length * (isCas ? 2 : 1) + value.length + PUT_OVERHEAD_BYTES
    if (estimated <= this.maxRequestBytes) return
    throw new EngineError(
      'VALUE_TOO_LARGE',
      `${printableKey(key)} is too large to write: ${value.length} value bytes + ${key.length} key bytes exceed the limit of ${this.maxRequestBytes} request bytes.`,
      {
        key: printableKey(key),
        valueBytes: value.length,
        keyBytes: key.length,
        maxRequestBytes: this.maxRequestBytes,
      },
    )
  }
}
