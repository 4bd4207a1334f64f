import { describe, expect, it } from 'vitest'
import { silentLog, type EngineLog } from '../../../src/main/log/engine-log'
import { SharedTasks } from '../../../src/main/releases/shared-task'

function deferred<T>() {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}

describe('shared tasks', () => {
  it('runs one task for concurrent callers and gives each the progress', async () => {
    const tasks = new SharedTasks<string, number>(() => new Error('cancelled'), silentLog())
    const gate = deferred<void>()
    let starts = 0
    const seenA: number[] = []
    const seenB: number[] = []
    const start = async (_signal: AbortSignal, emit: (p: number) => void) => {
      starts++
      await gate.promise
      emit(1)
      return 'done'
    }
    const a = tasks.run('k', start, { onProgress: (p) => seenA.push(p) })
    const b = tasks.run('k', start, { onProgress: (p) => seenB.push(p) })
    gate.resolve()
    expect(await Promise.all([a, b])).toEqual(['done', 'done'])
    expect(starts).toBe(1)
    expect(seenA).toEqual([1])
    expect(seenB).toEqual([1])
    expect(tasks.isRunning('k')).toBe(false)
  })

  it('aborts the task only when the last caller cancels, after it cleaned up', async () => {
    const tasks = new SharedTasks<string, number>(
      (key) => new Error(`cancelled ${key}`),
      silentLog(),
    )
    let cleanedUp = false
    let taskSignal: AbortSignal | undefined
    const start = (signal: AbortSignal) =>
      new Promise<string>((_resolve, reject) => {
        taskSignal = signal
        signal.addEventListener('abort', () =>
          setTimeout(() => {
            cleanedUp = true
            reject(new Error('aborted'))
          }, 20),
        )
      })
    const first = new AbortController()
    const second = new AbortController()
    const a = tasks.run('k', start, { signal: first.signal })
    const b = tasks.run('k', start, { signal: second.signal })
    first.abort()
    await expect(a).rejects.toThrow('cancelled k')
    expect(taskSignal?.aborted).toBe(false)
    second.abort()
    await expect(b).rejects.toThrow('cancelled k')
    expect(cleanedUp).toBe(true)
  })

  it('abortAll() stops every task and waits for each to settle', async () => {
    const tasks = new SharedTasks<string, number>(
      (key) => new Error(`cancelled ${key}`),
      silentLog(),
    )
    const settled: string[] = []
    // Like a real task, it notices an abort that came before it started, too.
    const start = (key: string) => (signal: AbortSignal) =>
      new Promise<string>((_resolve, reject) => {
        const stop = () =>
          setTimeout(() => {
            settled.push(key)
            reject(new Error(`stopped ${key}`))
          }, 10)
        if (signal.aborted) stop()
        else signal.addEventListener('abort', stop)
      })
    const outcomes = Promise.allSettled([tasks.run('a', start('a')), tasks.run('b', start('b'))])
    await tasks.abortAll()
    expect(settled.sort()).toEqual(['a', 'b'])
    expect((await outcomes).map((o) => o.status)).toEqual(['rejected', 'rejected'])
  })

  it('a listener that throws is logged, and the others still get the progress', async () => {
    const logged: unknown[] = []
    const log = { error: (fields: unknown) => logged.push(fields) } as unknown as EngineLog
    const tasks = new SharedTasks<string, number>(() => new Error('cancelled'), log)
    const seen: number[] = []
    const start = async (_signal: AbortSignal, emit: (p: number) => void) => {
      await Promise.resolve()
      emit(7)
      return 'done'
    }
    const bad = tasks.run('k', start, {
      onProgress: () => {
        throw new Error('listener bug')
      },
    })
    const good = tasks.run('k', start, { onProgress: (p) => seen.push(p) })
    expect(await Promise.all([bad, good])).toEqual(['done', 'done'])
    expect(seen).toEqual([7])
    expect(logged).toEqual([expect.objectContaining({ task: 'k', err: expect.any(Error) })])
  })
})
