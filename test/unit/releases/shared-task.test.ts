import { describe, expect, it } from 'vitest'
import { SharedTasks } from '../../../src/main/releases/shared-task'

function deferred<T>() {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}

describe('shared tasks', () => {
  it('runs one task for concurrent callers and gives each the progress', async () => {
    const tasks = new SharedTasks<string, number>(() => new Error('cancelled'))
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
    const tasks = new SharedTasks<string, number>((key) => new Error(`cancelled ${key}`))
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
})
