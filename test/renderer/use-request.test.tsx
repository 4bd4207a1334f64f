import { act, renderHook, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import { describe, expect, it } from 'vitest'
import { ApiProvider } from '../../src/renderer/src/features/shared/api-context'
import { useRequest } from '../../src/renderer/src/features/shared/use-request'
import type { Result } from '../../src/shared/result'
import { FakeApi, fail, ok } from './fake-api'

/** A promise a test resolves when it chooses. */
function deferred<T>() {
  let resolve: (value: T) => void = () => undefined
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}

function wrapperFor(api: FakeApi) {
  return ({ children }: { children: ReactNode }) => <ApiProvider api={api}>{children}</ApiProvider>
}

describe('useRequest', () => {
  it('asks on mount, is loading until the answer, then holds its value', async () => {
    const answer = deferred<Result<number>>()
    const api = new FakeApi({ 'keys:count': () => answer.promise })
    const { result } = renderHook(
      () => useRequest('keys:count', { cluster: 'demo', prefix: new Uint8Array() }, ['demo']),
      { wrapper: wrapperFor(api) },
    )
    expect(result.current).toMatchObject({ data: null, error: null, isLoading: true })
    await act(async () => answer.resolve(ok(7)))
    expect(result.current).toMatchObject({ data: 7, error: null, isLoading: false })
    expect(api.requestsOf('keys:count')).toHaveLength(1)
  })

  it('ignores an answer that arrives after its deps changed, whatever the order', async () => {
    const answers = new Map([
      ['a', deferred<Result<number>>()],
      ['b', deferred<Result<number>>()],
    ])
    const api = new FakeApi({ 'keys:count': ({ cluster }) => answers.get(cluster)!.promise })
    const { result, rerender } = renderHook(
      ({ cluster }) => useRequest('keys:count', { cluster, prefix: new Uint8Array() }, [cluster]),
      { wrapper: wrapperFor(api), initialProps: { cluster: 'a' } },
    )
    rerender({ cluster: 'b' })
    await act(async () => answers.get('b')!.resolve(ok(2)))
    await act(async () => answers.get('a')!.resolve(ok(1)))
    expect(result.current).toMatchObject({ data: 2, isLoading: false })
  })

  it('keeps the value while reloading and after a failed reload, which sets the error', async () => {
    let calls = 0
    const api = new FakeApi({
      'releases:installed': () =>
        ++calls === 1 ? ok([]) : fail({ code: 'INTERNAL', message: 'disk' }),
    })
    const { result } = renderHook(() => useRequest('releases:installed', {}, []), {
      wrapper: wrapperFor(api),
    })
    await waitFor(() => expect(result.current.data).toEqual([]))
    act(() => result.current.reload())
    await waitFor(() => expect(result.current.error?.message).toBe('disk'))
    expect(result.current.data).toEqual([])
    expect(result.current.isLoading).toBe(false)
  })

  it('ignores the answer of an older reload', async () => {
    const answers = [deferred<Result<number>>(), deferred<Result<number>>()]
    let calls = 0
    const api = new FakeApi({ 'keys:count': () => answers[calls++]!.promise })
    const { result } = renderHook(
      () => useRequest('keys:count', { cluster: 'demo', prefix: new Uint8Array() }, []),
      { wrapper: wrapperFor(api) },
    )
    act(() => result.current.reload())
    await act(async () => answers[1]!.resolve(ok(2)))
    await act(async () => answers[0]!.resolve(ok(1)))
    expect(result.current.data).toBe(2)
  })

  it('asks nothing while its argument is null, and ignores an answer after unmount', async () => {
    const answer = deferred<Result<number>>()
    const api = new FakeApi({ 'keys:count': () => answer.promise })
    const { result, rerender, unmount } = renderHook(
      ({ isOpen }) =>
        useRequest('keys:count', isOpen ? { cluster: 'demo', prefix: new Uint8Array() } : null, []),
      { wrapper: wrapperFor(api), initialProps: { isOpen: false } },
    )
    expect(result.current.isLoading).toBe(false)
    expect(api.requestsOf('keys:count')).toHaveLength(0)
    rerender({ isOpen: true })
    expect(api.requestsOf('keys:count')).toHaveLength(1)
    unmount()
    await act(async () => answer.resolve(ok(1)))
    expect(result.current.data).toBeNull()
  })
})
