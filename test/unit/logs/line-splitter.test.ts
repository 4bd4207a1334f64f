import { describe, expect, it } from 'vitest'
import { LineSplitter } from '../../../src/main/logs/line-splitter'

const b = (text: string) => Buffer.from(text, 'utf8')

describe('LineSplitter', () => {
  it('splits complete lines and keeps a partial last line for the next chunk', () => {
    const splitter = new LineSplitter()
    expect(splitter.push(b('one\ntwo\nthr'))).toEqual(['one', 'two'])
    expect(splitter.pendingLength).toBe(3)
    expect(splitter.push(b('ee'))).toEqual([])
    expect(splitter.push(b('\n\nfour\n'))).toEqual(['three', '', 'four'])
    expect(splitter.pendingLength).toBe(0)
  })

  it('gives the same lines for every way of cutting the stream', () => {
    const text = '{"msg":"a"}\n{"msg":"bb"}\nplain line\n{"msg":"ccc"}\n'
    const expected = ['{"msg":"a"}', '{"msg":"bb"}', 'plain line', '{"msg":"ccc"}']
    const bytes = b(text)
    for (let cut = 0; cut <= bytes.length; cut++) {
      const splitter = new LineSplitter()
      const lines = [
        ...splitter.push(bytes.subarray(0, cut)),
        ...splitter.push(bytes.subarray(cut)),
      ]
      expect(lines).toEqual(expected)
    }
  })

  it('decodes a UTF-8 character cut in two by a chunk boundary', () => {
    const bytes = b('größe €\n')
    for (let cut = 1; cut < bytes.length; cut++) {
      const splitter = new LineSplitter()
      const lines = [
        ...splitter.push(bytes.subarray(0, cut)),
        ...splitter.push(bytes.subarray(cut)),
      ]
      expect(lines).toEqual(['größe €'])
    }
  })

  it('does not keep the caller’s buffer (it may be reused for the next read)', () => {
    const splitter = new LineSplitter()
    const chunk = b('abc')
    splitter.push(chunk)
    chunk.fill(0x7a)
    expect(splitter.push(b('\n'))).toEqual(['abc'])
  })

  it('cuts a line longer than the maximum into pieces', () => {
    const splitter = new LineSplitter(4)
    expect(splitter.push(b('abcdefghij'))).toEqual(['abcd', 'efgh'])
    expect(splitter.push(b('\nxy\n'))).toEqual(['ij', 'xy'])
  })

  it('reset() forgets the partial line', () => {
    const splitter = new LineSplitter()
    splitter.push(b('half'))
    splitter.reset()
    expect(splitter.push(b('new\n'))).toEqual(['new'])
  })
})
