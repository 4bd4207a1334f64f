import { describe, expect, it } from 'vitest'
import { childOf } from '../../../src/main/keys/key-children'

const s = (text: string): Uint8Array => new TextEncoder().encode(text)
const slash = s('/')

describe('childOf', () => {
  it('is the key itself when no separator follows the prefix', () => {
    expect(childOf(s('/a/x'), s('/a/'), slash)).toEqual({
      name: s('x'),
      path: s('/a/x'),
      isFolder: false,
    })
  })

  it('is the first segment as a folder when a separator follows', () => {
    expect(childOf(s('/a/b/c/d'), s('/a/'), slash)).toEqual({
      name: s('b'),
      path: s('/a/b/'),
      isFolder: true,
    })
  })

  it('gives an empty name for the key equal to the prefix and for a leading separator', () => {
    expect(childOf(s('/a/'), s('/a/'), slash)).toEqual({
      name: s(''),
      path: s('/a/'),
      isFolder: false,
    })
    expect(childOf(s('/registry/pods'), s(''), slash)).toEqual({
      name: s(''),
      path: s('/'),
      isFolder: true,
    })
  })

  it('supports multi-byte separators and non-UTF-8 names', () => {
    const key = new Uint8Array([0x70, 0x3a, 0x3a, 0xff, 0x3a, 0x3a, 0x01])
    expect(childOf(key, s('p::'), s('::'))).toEqual({
      name: new Uint8Array([0xff]),
      path: new Uint8Array([0x70, 0x3a, 0x3a, 0xff, 0x3a, 0x3a]),
      isFolder: true,
    })
  })

  it('does not mistake a prefix that does not end in a separator', () => {
    // Listing "/a" (no trailing slash): "/a/b" is below the folder segment "" + "/".
    expect(childOf(s('/a/b'), s('/a'), slash)).toEqual({
      name: s(''),
      path: s('/a/'),
      isFolder: true,
    })
    expect(childOf(s('/ab'), s('/a'), slash)).toEqual({
      name: s('b'),
      path: s('/ab'),
      isFolder: false,
    })
  })
})
