import { mkdir, open, type FileHandle } from 'node:fs/promises'
import { dirname } from 'node:path'

/**
 * Opens a member's log file (DataLayout.memberLogFile) for the spawner: pass `handle.fd` as the child's stdout and stderr
 * (`stdio: ['ignore', fd, fd]`), then close the handle in the parent once the child is spawned.
 * Why a file and append mode: a detached member must outlive the engine (a pipe to a dead engine
 * would kill it with SIGPIPE), and O_APPEND lets log-rotation truncate the file under the running
 * etcd, whose writes then continue at the new end. On Windows libuv maps 'a' to FILE_APPEND_DATA,
 * which appends the same way. Creates the logs folder.
 */
export async function openMemberLogForAppend(file: string): Promise<FileHandle> {
  await mkdir(dirname(file), { recursive: true })
  return open(file, 'a')
}
