/**
 * One counter for every cluster view the engine sends. Why engine-wide, not per cluster: a cluster
 * deleted and created again under its name must never look older than what the window holds.
 */
// Seeded from the clock (µs), so an engine started later never sends a lower revision than an
// earlier one did to a window that stayed open (browser mode reconnects across restarts).
let revision = Date.now() * 1000

/** Marks a change: every view made after this carries a higher revision. */
export function bumpViewRevision(): number {
  return ++revision
}

/** The revision a view made now carries. */
export function currentViewRevision(): number {
  return revision
}
