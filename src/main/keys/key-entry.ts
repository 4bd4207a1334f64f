import type { IKeyValue } from 'etcd3'
import type { KeyEntry } from '../../shared/keys'
import { copyBytes } from './key-bytes'

/** Converts an etcd KeyValue to a KeyEntry; without the value when the Range was keys-only. */
export function toKeyEntry(kv: IKeyValue, hasValue: boolean): KeyEntry {
  const value = hasValue ? copyBytes(kv.value) : null
  return {
    key: copyBytes(kv.key),
    value,
    createRevision: kv.create_revision,
    modRevision: kv.mod_revision,
    version: kv.version,
    // etcd3 decodes int64 fields as decimal strings (proto-loader longs: String).
    lease: kv.lease,
    valueSize: value ? value.length : null,
  }
}
