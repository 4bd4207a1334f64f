import '@testing-library/jest-dom/vitest'
import { cleanup } from '@testing-library/react'
import { afterEach } from 'vitest'
import { installDialogPolyfill } from './dialog-polyfill'

afterEach(() => cleanup())

installDialogPolyfill()

// jsdom lays nothing out: give elements a size so virtualized lists render their visible rows.
Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 })
Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 800 })
// jsdom has no element scrolling; the virtualizer scrolls to follow logs.
if (!Element.prototype.scrollTo) Element.prototype.scrollTo = () => undefined

// Vitest's jsdom environment keeps Node's TextEncoder, whose bytes come from Node's realm and fail
// `instanceof Uint8Array` against jsdom's globals (a browser has one realm). Re-wrap them here.
const NodeTextEncoder = globalThis.TextEncoder
globalThis.TextEncoder = class extends NodeTextEncoder {
  override encode(input?: string): Uint8Array<ArrayBuffer> {
    return new Uint8Array(super.encode(input))
  }
}

// jsdom has no matchMedia; uPlot (the Metrics charts) asks it for the device pixel ratio on load.
if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList
}
