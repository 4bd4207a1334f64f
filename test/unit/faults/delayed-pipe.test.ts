import { PassThrough } from 'node:stream'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DelayedPipe } from '../../../src/main/faults/delayed-pipe'

/** A target that records what was written, in order. */
function recorder() {
  const written: string[] = []
  const target = new PassThrough()
  target.on('data', (chunk: Buffer) => written.push(chunk.toString()))
  return { target, written }
}

describe('DelayedPipe', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('writes at once without a delay', async () => {
    const { target, written } = recorder()
    const pipe = new DelayedPipe(new PassThrough(), target)
    pipe.push(Buffer.from('a'))
    await vi.advanceTimersByTimeAsync(0)
    expect(written).toEqual(['a'])
  })

  it('holds each chunk for the delay, and reports it', async () => {
    const { target, written } = recorder()
    const delayed: [number, number][] = []
    const pipe = new DelayedPipe(new PassThrough(), target, (bytes, ms) =>
      delayed.push([bytes, ms]),
    )
    pipe.delayMs = 200
    pipe.push(Buffer.from('abc'))
    await vi.advanceTimersByTimeAsync(199)
    expect(written).toEqual([])
    await vi.advanceTimersByTimeAsync(1)
    expect(written).toEqual(['abc'])
    expect(delayed).toEqual([[3, 200]])
  })

  it('keeps byte order when the delay drops while chunks wait', async () => {
    const { target, written } = recorder()
    const pipe = new DelayedPipe(new PassThrough(), target)
    pipe.delayMs = 200
    pipe.push(Buffer.from('1'))
    await vi.advanceTimersByTimeAsync(50)
    pipe.delayMs = 0
    pipe.push(Buffer.from('2'))
    pipe.delayMs = 10
    pipe.push(Buffer.from('3'))
    await vi.advanceTimersByTimeAsync(149)
    expect(written).toEqual([])
    await vi.advanceTimersByTimeAsync(1)
    expect(written.join('')).toBe('123')
  })

  it('ends the target only after what is queued', async () => {
    const { target, written } = recorder()
    const ended = vi.fn()
    target.on('end', ended)
    const pipe = new DelayedPipe(new PassThrough(), target)
    pipe.delayMs = 100
    pipe.push(Buffer.from('last'))
    pipe.end()
    await vi.advanceTimersByTimeAsync(100)
    expect(written).toEqual(['last'])
    expect(ended).toHaveBeenCalled()
  })

  it('pauses the source while the target is full, resumes on drain', async () => {
    const source = new PassThrough()
    source.on('data', () => undefined)
    const target = new PassThrough({ highWaterMark: 4 })
    const pipe = new DelayedPipe(source, target)
    pipe.push(Buffer.from('0123456789'))
    expect(source.isPaused()).toBe(true)
    target.read()
    await vi.advanceTimersByTimeAsync(0)
    expect(source.isPaused()).toBe(false)
  })

  it('drops what waits and its timer when disposed', async () => {
    const { target, written } = recorder()
    const pipe = new DelayedPipe(new PassThrough(), target)
    pipe.delayMs = 100
    pipe.push(Buffer.from('gone'))
    pipe.dispose()
    expect(vi.getTimerCount()).toBe(0)
    await vi.advanceTimersByTimeAsync(200)
    expect(written).toEqual([])
  })
})
