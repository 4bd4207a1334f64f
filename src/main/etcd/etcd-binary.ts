import { execFile } from 'node:child_process'
import { access, constants } from 'node:fs/promises'
import { delimiter, dirname, join } from 'node:path'
import { promisify } from 'node:util'
import { lineOf } from '../../shared/etcd-lines'
import { EngineError } from '../errors/engine-error'
import { parseEtcdVersionOutput } from './etcd-version'

const execFileAsync = promisify(execFile)
/** Why: `etcd --version` prints and exits at once; a binary that hangs is not a working etcd. */
const VERSION_TIMEOUT_MS = 10_000

/** A runnable etcd with its companion etcdctl (and etcdutl, 3.5+) and the version it reports. */
export interface EtcdBinary {
  etcd: string
  etcdctl: string
  /** etcdutl next to etcd (3.5+: snapshot restore and status), or null when there is none. */
  etcdutl: string | null
  version: string
  source: 'system' | 'configured' | 'release'
}

/** Finds `name` on PATH (with .exe on Windows), or null. */
export async function findOnPath(
  name: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string | null> {
  // Platform branch: Windows executables carry an extension; PATHEXT lists them.
  const exts = process.platform === 'win32' ? (env.PATHEXT ?? '.EXE').split(';') : ['']
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const ext of exts) {
      const candidate = join(dir, name + ext.toLowerCase())
      try {
        await access(candidate, constants.X_OK)
        return candidate
      } catch {
        // not here
      }
    }
  }
  return null
}

/** Runs `etcd --version` and returns the version, or throws ETCD_NOT_FOUND naming the path. */
export async function readEtcdVersion(etcdPath: string): Promise<string> {
  let output: string
  try {
    const { stdout } = await execFileAsync(etcdPath, ['--version'], { timeout: VERSION_TIMEOUT_MS })
    output = stdout
  } catch (error) {
    throw new EngineError(
      'ETCD_NOT_FOUND',
      `Could not run ${etcdPath} --version: ${(error as Error).message}`,
      { path: etcdPath },
    )
  }
  const version = parseEtcdVersionOutput(output)
  if (!version) {
    throw new EngineError(
      'ETCD_NOT_FOUND',
      `${etcdPath} does not look like etcd: its --version printed no "etcd Version:" line.`,
      { path: etcdPath, output: output.slice(0, 500) },
    )
  }
  if (!lineOf(version)) {
    throw new EngineError(
      'ETCD_VERSION_UNSUPPORTED',
      `etcd ${version} at ${etcdPath} is not supported: etcd Desk runs 3.4 and later.`,
      { path: etcdPath, version },
    )
  }
  return version
}

/** True when `path` is an executable file. */
export function isExecutable(path: string): Promise<boolean> {
  return access(path, constants.X_OK).then(
    () => true,
    () => false,
  )
}

/** Describes an etcd binary at a path: its etcdctl and etcdutl siblings and its version. */
export async function describeEtcd(
  etcdPath: string,
  source: EtcdBinary['source'],
): Promise<EtcdBinary> {
  const version = await readEtcdVersion(etcdPath)
  // Platform branch: Windows executables carry .exe.
  const ext = process.platform === 'win32' ? '.exe' : ''
  const sibling = join(dirname(etcdPath), `etcdctl${ext}`)
  const etcdctl = (await isExecutable(sibling))
    ? sibling
    : ((await findOnPath('etcdctl')) ?? 'etcdctl')
  // Only next to etcd: an etcdutl elsewhere on PATH may belong to another version.
  const etcdutlSibling = join(dirname(etcdPath), `etcdutl${ext}`)
  const etcdutl = (await isExecutable(etcdutlSibling)) ? etcdutlSibling : null
  return { etcd: etcdPath, etcdctl, etcdutl, version, source }
}
