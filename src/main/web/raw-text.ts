import type { RawData } from 'ws'

/** A WebSocket text frame's payload as a string (ws hands over a Buffer, an ArrayBuffer or parts). */
export function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8')
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8')
  return data.toString('utf8')
}
