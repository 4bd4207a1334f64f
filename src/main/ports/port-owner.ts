import { execFile } from 'node:child_process'
import { readFile, readdir, readlink } from 'node:fs/promises'
import { promisify } from 'node:util'

const execFileAsync = promisify(execFile)
/** Why: naming the holder is a courtesy in an error message; never let it delay the error long. */
const LOOKUP_TIMEOUT_MS = 3_000

/** A process that listens on a port. */
export interface PortOwner {
  pid: number
  command: string
}

/** Names the process listening on a TCP port, where the OS tells; null when it cannot be found. */
export async function findPortOwner(port: number): Promise<PortOwner | null> {
  try {
    // Platform branch: Linux exposes sockets in /proc; macOS has lsof; Windows is not attributed.
    if (process.platform === 'linux') return await findOwnerLinux(port)
    if (process.platform === 'darwin') return await findOwnerLsof(port)
    return null
  } catch {
    // Naming the holder is a courtesy: the PORT_IN_USE error is reported without it.
    return null
  }
}

async function listeningInodes(port: number): Promise<Set<string>> {
  const inodes = new Set<string>()
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    const text = await readFile(table, 'utf8').catch(() => '')
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/)
      const local = cols[1]
      // State 0A is TCP_LISTEN; the local address ends with the port in hex.
      if (!local || cols[3] !== '0A') continue
      if (parseInt(local.split(':')[1] ?? '', 16) === port && cols[9]) inodes.add(cols[9])
    }
  }
  return inodes
}

/** Why the `.catch`es below: processes come and go while /proc is read; a vanished one is skipped. */
async function findOwnerLinux(port: number): Promise<PortOwner | null> {
  const inodes = await listeningInodes(port)
  if (inodes.size === 0) return null
  const deadline = Date.now() + LOOKUP_TIMEOUT_MS
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry) || Date.now() > deadline) continue
    const fds = await readdir(`/proc/${entry}/fd`).catch(() => [] as string[])
    for (const fd of fds) {
      const target = await readlink(`/proc/${entry}/fd/${fd}`).catch(() => '')
      const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1]
      if (inode && inodes.has(inode)) {
        const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '')
        return { pid: Number(entry), command: cmdline.split('\0').filter(Boolean).join(' ') }
      }
    }
  }
  return null
}

async function findOwnerLsof(port: number): Promise<PortOwner | null> {
  const { stdout } = await execFileAsync('lsof', ['-nP', `-iTCP:${port}`, '-sTCP:LISTEN', '-Fpc'], {
    timeout: LOOKUP_TIMEOUT_MS,
  })
  const pid = /^p(\d+)$/m.exec(stdout)?.[1]
  const command = /^c(.*)$/m.exec(stdout)?.[1] ?? ''
  return pid ? { pid: Number(pid), command } : null
}
