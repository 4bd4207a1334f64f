import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ErrorBoundary } from '../../src/renderer/src/features/shared/error-boundary'

function Boom(): never {
  throw new Error('kaboom: cannot read the thing')
}

beforeEach(() => {
  // React reports every caught render error on the console; these tests cause them on purpose.
  vi.spyOn(console, 'error').mockImplementation(() => undefined)
})
afterEach(() => vi.restoreAllMocks())

describe('Error boundary', () => {
  it('shows what went wrong and a Reload window button instead of a blank window', async () => {
    const onReload = vi.fn()
    render(
      <ErrorBoundary onReload={onReload}>
        <Boom />
      </ErrorBoundary>,
    )
    const alert = screen.getByRole('alert')
    expect(alert).toHaveTextContent('Something went wrong')
    expect(alert).toHaveTextContent('kaboom: cannot read the thing')
    expect(within(alert).queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument()
    await userEvent.click(within(alert).getByRole('button', { name: 'Reload window' }))
    expect(onReload).toHaveBeenCalledTimes(1)
  })
})
