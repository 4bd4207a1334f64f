import type { KeyEvent } from '../../../../shared/keys'

/** What the key watch tells the parts of the Keys tab: changes, or "reload everything". */
type KeyHubMessage = { type: 'events'; events: readonly KeyEvent[] } | { type: 'resync' }

/** Fans the one watch of the Keys tab out to the tree and the value viewer. */
export interface KeyEventHub {
  publish(message: KeyHubMessage): void
  subscribe(listener: (message: KeyHubMessage) => void): () => void
}

/** A new hub with no listeners. */
export function createKeyEventHub(): KeyEventHub {
  const listeners = new Set<(message: KeyHubMessage) => void>()
  return {
    publish: (message) => listeners.forEach((listener) => listener(message)),
    subscribe: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
