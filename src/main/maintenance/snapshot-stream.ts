import { createWriteStream } from 'node:fs'
import { rename, rm } from 'node:fs/promises'
import { Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { Etcd3, ISnapshotResponse } from 'etcd3'

/**
 * Why 30 s: a member streams its database without pause on loopback (~100 MB/s); silence that
 * long means it stopped answering (paused, or busy beyond reason), and the save must end.
 */
const SNAPSHOT_STALL_MS = 30_000

/** How the stream went. */
export interface StreamedSnapshot {
  bytes: number
}

/**
 * Streams one member's snapshot (Maintenance.Snapshot) into `file`: written to `file.part`, then
 * renamed, so `file` only ever holds a whole snapshot. `onBytes` hears the progress.
 */
export async function streamSnapshot(
  client: Etcd3,
  file: string,
  onBytes: (bytes: number) => void,
): Promise<StreamedSnapshot> {
  const part = `${file}.part`
  const stream = await client.maintenance.snapshot()
  // grpc-js streams are Node Readables; the etcd3 typing shows only their events.
  if (!(stream instanceof Readable)) throw new Error('the snapshot stream is not readable')
  let bytes = 0
  let remaining: string | null = null
  let stall: NodeJS.Timeout | undefined
  const armStall = (): void => {
    clearTimeout(stall)
    stall = setTimeout(
      () => stream.destroy(new Error(`no snapshot data for ${SNAPSHOT_STALL_MS / 1000} s`)),
      SNAPSHOT_STALL_MS,
    )
  }
  const blobs = new Transform({
    writableObjectMode: true,
    transform(chunk: ISnapshotResponse, _encoding, done) {
      armStall()
      bytes += chunk.blob.length
      remaining = chunk.remaining_bytes
      onBytes(bytes)
      done(null, chunk.blob)
    },
  })
  armStall()
  try {
    await pipeline(stream, blobs, createWriteStream(part, { mode: 0o600 }))
    // The last message says 0 bytes remain; anything else is a stream cut short.
    if (remaining !== '0') throw new Error(`the stream ended early (${bytes} bytes received)`)
    await rename(part, file)
    return { bytes }
  } catch (error) {
    await rm(part, { force: true })
    throw error
  } finally {
    clearTimeout(stall)
  }
}
