import type { IKeyValue } from 'etcd3'
import type { CompiledPattern, KeySearchMatch } from '../../shared/key-search'
import { decodeText } from '../../shared/bytes'
import { copyBytes, toBuffer } from './key-bytes'

/** Characters of value text shown around a value match. */
const PREVIEW_CHARS = 80

/**
 * Tests keys (and values) against a compiled pattern. A substring is found in the raw bytes
 * (binary keys included, no decoding); a regular expression runs on the bytes as UTF-8 text.
 */
export class SearchMatcher {
  private readonly needle: Buffer | null
  private readonly regex: RegExp | null

  constructor(
    pattern: CompiledPattern,
    private readonly isValueSearched: boolean,
  ) {
    this.needle = pattern.kind === 'substring' ? Buffer.from(pattern.text, 'utf8') : null
    // A copy without 'g'/'y': test() then keeps no state between keys.
    this.regex =
      pattern.kind === 'regex' ? new RegExp(pattern.regex.source, pattern.regex.flags) : null
  }

  /** The match for one key-value, or null when neither its key nor (if searched) its value match. */
  match(kv: IKeyValue): KeySearchMatch | null {
    const inKey = this.test(kv.key)
    const inValue = this.isValueSearched && this.test(kv.value)
    if (!inKey && !inValue) return null
    return {
      key: copyBytes(kv.key),
      modRevision: kv.mod_revision,
      valueSize: this.isValueSearched ? kv.value.length : null,
      matchedIn: inKey && inValue ? 'key-and-value' : inKey ? 'key' : 'value',
      preview: inValue ? this.preview(kv.value) : null,
    }
  }

  private test(bytes: Uint8Array): boolean {
    if (this.needle) return toBuffer(bytes).indexOf(this.needle) >= 0
    return (this.regex as RegExp).test(toBuffer(bytes).toString('utf8'))
  }

  /** The value text around its first match, on one line; null for a value that is not text. */
  private preview(value: Uint8Array): string | null {
    const text = decodeText(value)
    if (text === null) return null
    const at = this.needle
      ? text.indexOf(this.needle.toString('utf8'))
      : text.search(this.regex as RegExp)
    const start = Math.max(0, at - PREVIEW_CHARS / 4)
    const shown = text.slice(start, start + PREVIEW_CHARS).replace(/\s+/g, ' ')
    return `${start > 0 ? '…' : ''}${shown}${start + PREVIEW_CHARS < text.length ? '…' : ''}`
  }
}
