import { fstatSync, ftruncateSync, readSync, writeSync } from 'node:fs'
import { open, rename, rm, stat, type FileHandle } from 'node:fs/promises'
import { isNotFound } from './is-not-found'

/** Size at which a member's log file is rotated by default. */
export const DEFAULT_MAX_LOG_FILE_BYTES = 10 * 1024 * 1024
/** Rotated copies kept by default (`etcd.log.1` … `etcd.log.3`). */
export const DEFAULT_KEEP_LOG_FILES = 3

/**
 * Growth left for the synchronous final catch-up. Why: the last check and the truncate must run
 * back to back; copying a few KiB synchronously blocks the main thread for microseconds, while
 * anything larger is copied asynchronously first.
 */
const SYNC_CATCH_UP_BYTES = 64 * 1024
/**
 * Bounds both catch-up loops. Why: each round copies only what etcd wrote during the previous
 * one, so the file nearly always stops growing after one or two; a writer that never pauses must
 * not keep us copying forever (the excess then lands in the race described at rotateLogFile).
 */
const MAX_CATCH_UP_ROUNDS = 5
const COPY_CHUNK_BYTES = 1024 * 1024

/** What a rotation did. */
export interface RotationResult {
  /** Bytes the file held when it was truncated (all of them are in `rotatedFile`, if kept). */
  truncatedBytes: number
  /** `<file>.1`, holding those bytes; null when keep is 0. */
  rotatedFile: string | null
}

/** Path of the n-th rotated copy of a log file (`etcd.log.1` is the newest). */
export function rotatedLogPath(file: string, n: number): string {
  return `${file}.${n}`
}

/**
 * Rotates a log file that another process keeps appending to through its own O_APPEND fd, which
 * we cannot make it reopen (etcd 3.4 has no log rotation and writes panics to stderr anyway).
 * Copy-then-truncate: shift `.1…` up, copy the bytes to `.1`, truncate the original to 0. O_APPEND
 * writers then continue at offset 0 (each write seeks to the current end), so no gap of zeros.
 *
 * Copying is exact: bytes [0, S) first, then whatever grew meanwhile, until the size holds still.
 * Remaining race: between that last size check and the truncate (two syscalls issued back to back,
 * microseconds) etcd can append a line; it is then in neither file. POSIX has no "truncate only
 * if the size is still S"; the only lossless fixes are a writer that reopens its file, or a
 * pipe, which a detached etcd must not have (it would die of SIGPIPE with the engine). Returns
 * null when the file is empty or missing.
 */
export async function rotateLogFile(file: string, keep: number): Promise<RotationResult | null> {
  const size = await sizeOf(file)
  if (!size) return null
  if (keep >= 1) await shiftRotated(file, keep)
  const rotatedFile = keep >= 1 ? rotatedLogPath(file, 1) : null
  const src = await open(file, 'r+')
  try {
    const dst = rotatedFile ? await open(rotatedFile, 'w') : null
    try {
      const truncatedBytes = dst ? await copyThenTruncate(src, dst, size) : truncateSync(src.fd)
      return { truncatedBytes, rotatedFile }
    } finally {
      await dst?.close()
    }
  } finally {
    await src.close()
  }
}

/** Copies [0, size) and whatever is appended meanwhile, then truncates; returns the bytes copied. */
async function copyThenTruncate(src: FileHandle, dst: FileHandle, size: number): Promise<number> {
  let copied = 0
  let end = size
  for (let round = 0; end - copied > SYNC_CATCH_UP_BYTES && round < MAX_CATCH_UP_ROUNDS; round++) {
    copied = await copyRange(src, dst, copied, end)
    end = (await src.stat()).size
  }
  return catchUpAndTruncateSync(src.fd, dst.fd, copied)
}

/**
 * Why synchronous: between the last size check and the truncate no other JavaScript and no
 * thread-pool queueing may run; only the two syscalls' own gap remains (see rotateLogFile).
 */
function catchUpAndTruncateSync(srcFd: number, dstFd: number, from: number): number {
  let copied = from
  for (let round = 0; round < MAX_CATCH_UP_ROUNDS; round++) {
    const end = fstatSync(srcFd).size
    if (end <= copied) break
    const bytes = Buffer.allocUnsafe(end - copied)
    const read = readSync(srcFd, bytes, 0, bytes.length, copied)
    writeSync(dstFd, bytes, 0, read, copied)
    copied += read
  }
  ftruncateSync(srcFd, 0)
  return copied
}

async function copyRange(
  src: FileHandle,
  dst: FileHandle,
  from: number,
  to: number,
): Promise<number> {
  const buffer = Buffer.allocUnsafe(Math.min(COPY_CHUNK_BYTES, Math.max(1, to - from)))
  let position = from
  while (position < to) {
    const { bytesRead } = await src.read(
      buffer,
      0,
      Math.min(buffer.length, to - position),
      position,
    )
    if (bytesRead === 0) break
    await dst.write(buffer, 0, bytesRead, position)
    position += bytesRead
  }
  return position
}

/** Drops the oldest copy, then renames `.n` to `.n+1` from the oldest down, so none is overwritten. */
async function shiftRotated(file: string, keep: number): Promise<void> {
  await rm(rotatedLogPath(file, keep), { force: true })
  for (let n = keep - 1; n >= 1; n--) {
    try {
      await rename(rotatedLogPath(file, n), rotatedLogPath(file, n + 1))
    } catch (error) {
      if (!isNotFound(error)) throw error
    }
  }
}

/** Truncates without keeping a copy; returns the size the file had. */
function truncateSync(fd: number): number {
  const size = fstatSync(fd).size
  ftruncateSync(fd, 0)
  return size
}

async function sizeOf(file: string): Promise<number> {
  try {
    return (await stat(file)).size
  } catch (error) {
    if (isNotFound(error)) return 0
    throw error
  }
}
