/** Polls `check` until it returns true; fails with `what` after `timeoutMs`. */
export async function waitUntil(
  check: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 5_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    // Why 10 ms: short enough for fast tests, long enough not to spin a core.
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

/**
 * Waits a few poll intervals. Why: to show that something does NOT happen (a partial line is not
 * emitted, a stopped tail stays quiet), a test must give it the time in which it would happen.
 */
export function settle(ms = 150): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
